package naftiko.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.PlanException;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;

/**
 * Loads and plans one capability file, the same way at start-up and on reload: the diagnostics of
 * {@code validate} (and the planner's warnings), and the capability unless something is an error.
 *
 * @param capability null when the file has errors or cannot be planned
 * @param failure    the one-line reason it cannot be planned (missing variable, base URI), or null
 */
public record CapabilityLoad(Path file, Capability capability, List<Diagnostic> diagnostics, String failure) {

    public static CapabilityLoad of(Path file, boolean strict, EngineOptions engine) {
        return of(file, null, strict, engine);
    }

    /** Loads from {@code bytes} already read from the file (null: read it). */
    public static CapabilityLoad of(Path file, byte[] bytes, boolean strict, EngineOptions engine) {
        LoadResult loaded = SpecLoader.load(file, bytes);
        List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics(strict));
        if (loaded.hasErrors(strict)) return new CapabilityLoad(file, null, List.copyOf(diagnostics), null);
        try {
            Capability capability = CapabilityPlanner.plan(loaded.spec(), engine);
            diagnostics.addAll(capability.warnings());
            return new CapabilityLoad(file, capability, List.copyOf(diagnostics), null);
        } catch (PlanException e) {
            return new CapabilityLoad(file, null, List.copyOf(diagnostics), e.getMessage());
        }
    }

    public boolean ok() {
        return capability != null;
    }
}
