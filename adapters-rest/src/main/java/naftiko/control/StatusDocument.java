package naftiko.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import naftiko.engine.run.Capability;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.Unit;
import naftiko.engine.upstream.EngineVersion;

/**
 * The JSON bodies of {@code /health/ready} and {@code /status}. Built from the planned model only
 * (names, routes, tools, URLs): bind values never reach it.
 */
final class StatusDocument {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private StatusDocument() {}

    static ObjectNode ready(ControlState state) {
        ObjectNode o = JSON.objectNode();
        boolean ready = state != null && state.ready();
        o.put("status", state == null ? "STARTING" : ready ? "UP" : "DEGRADED");
        ArrayNode adapters = o.putArray("adapters");
        if (state != null) {
            for (ControlState.Mounted m : state.capabilities()) {
                for (ControlState.Exposure e : m.exposures()) {
                    ObjectNode a = adapters.addObject();
                    a.put("capability", m.capability().name());
                    a.put("type", e.type());
                    if (e.namespace() != null) a.put("namespace", e.namespace());
                    a.put("state", e.started() ? "started" : "stopped");
                }
            }
        }
        return o;
    }

    static ObjectNode status(ControlState state, Instant startedAt) {
        ObjectNode o = JSON.objectNode();
        o.put("status", state == null ? "STARTING" : state.ready() ? "UP" : "DEGRADED");
        o.put("version", EngineVersion.current());
        o.put("java", Runtime.version().toString());
        o.put("uptime", Duration.between(startedAt, Instant.now()).withNanos(0).toString());
        o.put("pid", ManagementFactory.getRuntimeMXBean().getPid());
        if (state == null) return o;
        if (state.lastReload() != null) o.put("lastReload", state.lastReload().toString());
        ArrayNode caps = o.putArray("capabilities");
        for (ControlState.Mounted m : state.capabilities()) caps.add(capability(m));
        ArrayNode diagnostics = o.putArray("diagnostics");
        state.diagnostics().forEach(diagnostics::add);
        return o;
    }

    private static ObjectNode capability(ControlState.Mounted m) {
        Capability c = m.capability();
        ObjectNode o = JSON.objectNode();
        o.put("name", c.name());
        o.put("source", m.source());
        o.put("mounted", m.mounted());
        ArrayNode exposures = o.putArray("exposures");
        for (ControlState.Exposure e : m.exposures()) {
            ObjectNode x = exposures.addObject();
            x.put("type", e.type());
            if (e.namespace() != null) x.put("namespace", e.namespace());
            if (e.url() != null) x.put("url", e.url());
            x.put("state", e.started() ? "started" : "stopped");
            if ("rest".equals(e.type())) routes(c, e.namespace(), x.putArray("routes"));
            if ("mcp".equals(e.type())) tools(c, e.namespace(), x.putArray("tools"));
        }
        return o;
    }

    private static void routes(Capability c, String namespace, ArrayNode out) {
        for (RestEndpoint r : c.rest()) {
            if (!java.util.Objects.equals(r.namespace(), namespace)) continue;
            for (RestEndpoint.RestRoute route : r.routes()) {
                ObjectNode x = out.addObject();
                x.put("method", route.method());
                x.put("path", route.pathTemplate());
                x.put("unit", route.unit().name());
                x.put("target", route.unit().target());
            }
        }
    }

    private static void tools(Capability c, String namespace, ArrayNode out) {
        for (McpEndpoint m : c.mcp()) {
            if (!java.util.Objects.equals(m.namespace(), namespace)) continue;
            for (Unit t : m.tools()) out.add(t.name());
        }
    }
}
