package naftiko.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import naftiko.cli.inspect.InspectText;
import naftiko.cli.inspect.Inspection;
import naftiko.engine.bind.EnvFile;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.PlanException;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naftiko inspect FILE}: what {@code run} would mount, without secrets and without starting anything. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Print what 'naftiko run' would mount: REST routes and their target operations, MCP tools and their input "
                    + "schemas, the binds needed (and which are missing here: values are never printed), upstream base "
                    + "URIs after overrides, ports and the control port.",
            "Needs no secret: the capability is planned in dry-run mode.",
            "Exit 0, 1 when the file has errors (shown as by validate), 2 on a usage or plan error."})
public final class InspectCommand implements Callable<Integer> {
    public enum Format { text, json }

    @Parameters(index = "0", paramLabel = "FILE", description = "Capability file (or the name of a bundled one).")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--base-uri", paramLabel = "NS=URL", description = "Base URI of a consumes namespace (wins over the file).")
    Map<String, String> baseUris = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "KEY=VALUE file of bind values (only checked for presence).")
    Path envFile;

    @Option(names = "--strict", description = "Treat tolerated deviations from the schema as errors.")
    boolean strict;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        return run(System.out, System.err);
    }

    int run(PrintStream out, PrintStream err) {
        BundledCapabilities.Resolved resolved = BundledCapabilities.resolve(file);
        if (resolved == null) {
            err.println("naftiko inspect: " + file + ": no such file (and no bundled capability of that name; see naftiko list)");
            return 2;
        }
        if (resolved.bundled()) err.println("naftiko inspect: no file " + file + " here; inspecting the bundled capability " + resolved.name());
        Map<String, String> extra = Map.of();
        if (envFile != null) {
            try {
                extra = EnvFile.read(envFile);
            } catch (IOException | IllegalArgumentException e) {
                err.println("naftiko inspect: cannot read --env-file " + envFile);
                return 2;
            }
        }
        LoadResult loaded = SpecLoader.load(resolved.path());
        if (loaded.hasErrors(strict)) {
            for (Diagnostic d : loaded.diagnostics(strict)) err.println(d.format());
            err.println("naftiko inspect: " + file + " has errors");
            return 1;
        }
        Capability capability;
        try {
            capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(environment, extra, Map.copyOf(baseUris),
                    true, EngineOptions.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(30)));
        } catch (PlanException e) {
            err.println("naftiko inspect: " + e.getMessage());
            return 2;
        }
        ObjectNode inspection = Inspection.of(capability,
                Inspection.source(resolved.path(), resolved.bundled(), resolved.name()), environment, extra, baseUris);
        if (format == Format.json) {
            try {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(inspection));
            } catch (IOException e) {
                err.println("naftiko inspect: cannot write JSON");
                return 2;
            }
        } else {
            InspectText.write(inspection, out);
        }
        out.flush();
        return 0;
    }
}
