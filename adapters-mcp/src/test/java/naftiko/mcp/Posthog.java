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
        return plan(upstreamBaseUri, Duration.ofSeconds(10), Map.of());
    }

    /** {@code environment}: extra process environment (e.g. NAFTIKO_UPSTREAM_* resilience settings). */
    static Capability plan(String upstreamBaseUri, Duration requestTimeout, Map<String, String> environment) {
        LoadResult loaded = SpecLoader.load(file());
        if (loaded.hasErrors(false)) throw new AssertionError("posthog-task-runs.yaml does not load: " + loaded.diagnostics());
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("POSTHOG_API_KEY", API_KEY);
        EngineOptions options = new EngineOptions(Map.copyOf(env), Map.of(),
                Map.of("posthog-task-runs", upstreamBaseUri), false, Duration.ofSeconds(5), requestTimeout);
        return CapabilityPlanner.plan(loaded.spec(), options);
    }
}
