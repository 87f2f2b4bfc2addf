package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.spec.model.ControlExposes;
import naftiko.engine.spec.model.SourcePos;

/**
 * One {@code exposes: type: control} (SPEC.md §16), compiled: defaults applied, auth rendered.
 *
 * @param address  the file's address, else {@code 127.0.0.1}
 * @param auth     inbound authentication, or null
 * @param health   {@code management.health} (default true): {@code /health/live}, {@code /health/ready}
 * @param info     {@code management.info} (default false): {@code /status}
 * @param metrics  {@code observability.enabled} and {@code metrics.local.enabled} (both default true): {@code /metrics}
 */
public record ControlEndpoint(String address, int port, InboundAuth auth, boolean health, boolean info,
                              boolean metrics, SourcePos pos) {

    /** The endpoint of {@code --control-port}: everything on, no authentication. */
    public static ControlEndpoint ofFlags(String address, int port) {
        return new ControlEndpoint(address == null ? "127.0.0.1" : address, port, null, true, true, true, null);
    }

    static ControlEndpoint of(ControlExposes c, InboundAuth auth) {
        JsonNode m = c.management();
        JsonNode o = c.observability();
        boolean observability = flag(o, "enabled", true);
        boolean localMetrics = o == null || flag(o.path("metrics").path("local"), "enabled", true);
        return new ControlEndpoint(c.address() == null || c.address().isBlank() ? "127.0.0.1" : c.address(),
                c.port() == null ? 0 : c.port(), auth, flag(m, "health", true), flag(m, "info", false),
                observability && localMetrics, c.pos());
    }

    private static boolean flag(JsonNode node, String field, boolean fallback) {
        if (node == null || !node.has(field)) return fallback;
        JsonNode v = node.get(field);
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText());
    }
}
