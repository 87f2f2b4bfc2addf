package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.Json;

/** Test helper: a capability written to a folder, loaded by the real loader, planned. */
final class Planned {
    final Capability capability;

    private Planned(Capability capability) {
        this.capability = capability;
    }

    static Planned of(Path dir, String yaml, Map<String, String> env, boolean dryRun) {
        try {
            Path file = dir.resolve("capability.yaml");
            Files.writeString(file, yaml);
            LoadResult r = SpecLoader.load(file);
            if (r.hasErrors(false)) {
                throw new AssertionError("load errors: " + r.diagnostics().stream().map(Diagnostic::format).toList());
            }
            return new Planned(CapabilityPlanner.plan(r.spec(), new EngineOptions(env, Map.of(), Map.of(), dryRun,
                    Duration.ofSeconds(2), Duration.ofSeconds(5))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Unit tool(String name) {
        return capability.mcp().stream().flatMap(m -> m.tools().stream()).filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    Unit rest(String name) {
        return capability.rest().stream().flatMap(r -> r.routes().stream()).map(RestEndpoint.RestRoute::unit)
                .filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    static Outcome call(Unit u, String args) {
        try {
            return u.invoke(Arguments.of(Json.args(args)), new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (UnitFailure) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Outcome rest(Unit u, InboundRequest req) {
        try {
            return u.invoke(Arguments.of(req), new CallContext(null, "rest")).get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (UnitFailure) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static InboundRequest get(String path, Map<String, String> vars) {
        return new InboundRequest("GET", path, vars, Map.of(), null, Map.of(), Map.of(), new byte[0], null, null, null);
    }

    static InboundRequest post(String path, Map<String, String> vars, String json) {
        JsonNode body = json == null ? null : Json.parse(json);
        return new InboundRequest("POST", path, vars, Map.of(), null, Map.of(), Map.of(),
                json == null ? new byte[0] : json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                json == null ? null : "application/json", body, null);
    }
}
