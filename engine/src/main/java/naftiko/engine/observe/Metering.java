package naftiko.engine.observe;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.Unit;

/** Puts a {@link MeteredUnit} around every REST route and MCP tool of a planned capability. */
public final class Metering {
    private Metering() {}

    public static Capability meter(Capability c, Metrics metrics) {
        if (metrics == null || metrics == Metrics.NONE) return c;
        List<RestEndpoint> rest = new ArrayList<>();
        for (RestEndpoint e : c.rest()) {
            List<RestEndpoint.RestRoute> routes = new ArrayList<>();
            for (RestEndpoint.RestRoute r : e.routes()) {
                Unit u = new MeteredUnit(r.unit(), metrics.exposed(c.name(), "rest", r.unit().name()));
                routes.add(new RestEndpoint.RestRoute(r.pathTemplate(), r.method(), u, r.forward()));
            }
            rest.add(new RestEndpoint(e.namespace(), e.address(), e.port(), e.auth(), List.copyOf(routes), e.pos()));
        }
        List<McpEndpoint> mcp = new ArrayList<>();
        for (McpEndpoint e : c.mcp()) {
            List<Unit> tools = new ArrayList<>();
            for (Unit t : e.tools()) tools.add(new MeteredUnit(t, metrics.exposed(c.name(), "mcp", t.name())));
            mcp.add(new McpEndpoint(e.namespace(), e.transport(), e.address(), e.port(), e.description(), e.auth(),
                    List.copyOf(tools), e.resources(), e.prompts(), e.pos()));
        }
        return new Capability(c.spec(), c.name(), List.copyOf(rest), List.copyOf(mcp), c.skills(), c.control(),
                c.warnings(), c.controlEndpoint());
    }
}
