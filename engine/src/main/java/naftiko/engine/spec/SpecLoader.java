package naftiko.engine.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import naftiko.engine.spec.check.Checks;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.spec.read.DocumentReader;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a capability file into a checked, normalised {@link LoadResult}. Never throws: every problem,
 * including an unexpected failure of the loader itself, comes back as a diagnostic.
 */
public final class SpecLoader {
    private SpecLoader() {}

    public static LoadResult load(Path file) {
        return load(file, null);
    }

    /** Loads {@code file} from bytes already read from it, or reads it when {@code bytes} is null. */
    public static LoadResult load(Path file, byte[] bytes) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Report report = new Report(file, diagnostics);
        Spec spec = null;
        try {
            Node root = bytes == null ? YamlSource.read(file, report) : YamlSource.read(bytes, report);
            if (root != null) spec = DocumentReader.read(root, file, report);
            if (spec != null) Checks.run(spec, report);
        } catch (StackOverflowError e) {
            report.error(Rules.YAML_LIMIT, "the document nests too deeply to read", "a capability file nests a few dozen levels at most",
                    report.fileStart());
            spec = null;
        } catch (RuntimeException | LinkageError e) {
            report.error(Rules.LOADER_FAILURE, "the loader could not process this file (" + e.getClass().getSimpleName() + ")",
                    "please report this file", report.fileStart());
            spec = null;
        }
        boolean unusable = spec == null;
        return new LoadResult(file, unusable ? null : spec, sorted(file, diagnostics));
    }

    /** This file's diagnostics in file order, then those located in imported files. */
    private static List<Diagnostic> sorted(Path file, List<Diagnostic> all) {
        List<Diagnostic> copy = new ArrayList<>(all);
        copy.sort(Comparator.<Diagnostic, Integer>comparing(d -> d.pos() != null && file.equals(d.pos().file()) ? 0 : 1)
                .thenComparing(d -> d.pos() == null || d.pos().file() == null ? "" : d.pos().file().toString())
                .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().line())
                .thenComparingInt(d -> d.pos() == null ? 0 : d.pos().column()));
        return List.copyOf(copy);
    }
}
