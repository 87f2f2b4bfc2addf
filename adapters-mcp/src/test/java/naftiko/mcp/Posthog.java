package naftiko.mcp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;

/** The bundled PostHog capability, loaded and planned against a fake upstream. */
final class Posthog {
    private Posthog() {}

    static final String API_KEY = "phx_test_key";
    static final String MCP_NAMESPACE = "posthog-task-runs-mcp";

    static Path file() {
        String root = System.getProperty("naftiko.repo.root", Path.of("").toAbsolutePath().getParent().toString());
        return Path.of(root, "capabilities", "posthog-task-runs.yaml");
    }

    static Capability plan(String upstreamBaseUri) {
        LoadResult loaded = SpecLoader.load(file());
        if (loaded.hasErrors(false)) throw new AssertionError("posthog-task-runs.yaml does not load: " + loaded.diagnostics());
        EngineOptions options = new EngineOptions(Map.of("POSTHOG_API_KEY", API_KEY), Map.of(),
                Map.of("posthog-task-runs", upstreamBaseUri), false, Duration.ofSeconds(5), Duration.ofSeconds(10));
        return CapabilityPlanner.plan(loaded.spec(), options);
    }
}
