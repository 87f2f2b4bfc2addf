package naftiko.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import naftiko.cli.run.Fleet;
import naftiko.control.ControlState;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.rest.RestServer;
import naftiko.rest.skill.SkillServer;

/** What the control port reports about a run session now: each capability's exposures and the server holding each. */
final class ControlStates {
    private ControlStates() {}

    /**
     * @param others stdio MCP and skill servers (the fleet holds the shared REST and MCP servers)
     * @param source how to name a capability's file
     */
    static ControlState of(Fleet fleet, List<ExposureServer> others, Function<Path, String> source, Instant lastReload,
                           List<String> diagnostics) {
        List<RestServer> rest = fleet.restServers();
        List<StreamableHttpServer> mcp = fleet.mcpServers();
        List<ControlState.Mounted> out = new ArrayList<>();
        for (Map.Entry<Path, Capability> entry : new java.util.TreeMap<>(fleet.capabilities()).entrySet()) {
            Capability c = entry.getValue();
            List<ControlState.Exposure> exposures = new ArrayList<>();
            for (RestEndpoint e : c.rest()) {
                RestServer s = rest.stream().filter(r -> r.port() >= 0 && r.endpoints().contains(e)).findFirst().orElse(null);
                exposures.add(new ControlState.Exposure("rest", e.namespace(), s == null ? null : s.url(), s != null));
            }
            for (McpEndpoint e : c.mcp()) {
                if ("stdio".equalsIgnoreCase(e.transport())) {
                    exposures.add(new ControlState.Exposure("mcp", e.namespace(), "stdio", !others.isEmpty()));
                    continue;
                }
                StreamableHttpServer s = mcp.stream().filter(m -> m.port() >= 0 && m.endpoints().contains(e))
                        .findFirst().orElse(null);
                exposures.add(new ControlState.Exposure("mcp", e.namespace(), s == null ? null : s.url(), s != null));
            }
            for (var k : c.skills()) {
                SkillServer s = others.stream().filter(x -> x instanceof SkillServer ks && ks.namespace().equals(k.namespace()))
                        .map(SkillServer.class::cast).findFirst().orElse(null);
                exposures.add(new ControlState.Exposure("skill", k.namespace(), s == null ? null : s.url(), s != null));
            }
            out.add(new ControlState.Mounted(c, source.apply(entry.getKey()), exposures));
        }
        return new ControlState(out, lastReload, diagnostics);
    }
}
