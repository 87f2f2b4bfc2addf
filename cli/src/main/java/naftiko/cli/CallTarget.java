package naftiko.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.Unit;

/**
 * The unit a {@code naftiko call} TARGET names: an MCP tool, a REST operation by name, or
 * {@code METHOD /path} matched against the exposed REST routes (route variables filled from the
 * path, the query taken from {@code ?query}).
 */
record CallTarget(Unit unit, RestEndpoint.RestRoute route, Map<String, String> pathVariables,
                  Map<String, List<String>> query, String rawQuery, String path) {

    boolean isRest() {
        return route != null;
    }

    /** @throws IllegalArgumentException with a one-line message naming what exists */
    static CallTarget find(Capability c, String target) {
        String t = target.strip();
        int sp = t.indexOf(' ');
        if (sp > 0 && t.substring(sp + 1).strip().startsWith("/")) {
            return byRoute(c, t.substring(0, sp).toUpperCase(Locale.ROOT), t.substring(sp + 1).strip());
        }
        for (McpEndpoint m : c.mcp()) {
            for (Unit u : m.tools()) if (u.name().equals(t)) return new CallTarget(u, null, Map.of(), Map.of(), null, null);
        }
        for (RestEndpoint r : c.rest()) {
            for (RestEndpoint.RestRoute route : r.routes()) {
                if (route.unit().name().equals(t)) {
                    return new CallTarget(route.unit(), route, new LinkedHashMap<>(), new LinkedHashMap<>(), null, route.pathTemplate());
                }
            }
        }
        List<String> names = new ArrayList<>();
        c.mcp().forEach(m -> m.tools().forEach(u -> names.add(u.name())));
        c.rest().forEach(r -> r.routes().forEach(rt -> names.add(rt.unit().name())));
        throw new IllegalArgumentException("no MCP tool or REST operation named '" + t + "'; known: "
                + (names.size() > 12 ? String.join(", ", names.subList(0, 12)) + ", ..." : String.join(", ", names)));
    }

    private static CallTarget byRoute(Capability c, String method, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        String path = q >= 0 ? pathAndQuery.substring(0, q) : pathAndQuery;
        String rawQuery = q >= 0 ? pathAndQuery.substring(q + 1) : null;
        for (RestEndpoint r : c.rest()) {
            for (RestEndpoint.RestRoute route : r.routes()) {
                if (!route.method().equals(method) && !route.method().equals("*")) continue;
                Map<String, String> vars = match(route.pathTemplate(), path, route.forward());
                if (vars != null) return new CallTarget(route.unit(), route, vars, parseQuery(rawQuery), rawQuery, path);
            }
        }
        throw new IllegalArgumentException("no REST route matches " + method + " " + path);
    }

    /** Route variables when {@code path} matches {@code template} (one trailing slash tolerated), else null. */
    static Map<String, String> match(String template, String path, boolean forward) {
        String[] t = trim(template).split("/", -1);
        String[] p = trim(path).split("/", -1);
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            String name = variable(t[i]);
            if (forward && "path".equals(name)) {
                vars.put("path", String.join("/", java.util.Arrays.copyOfRange(p, Math.min(i, p.length), p.length)));
                return vars;
            }
            if (i >= p.length) return null;
            if (name != null) {
                if (p[i].isEmpty()) return null;
                vars.put(name, URLDecoder.decode(p[i].replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!t[i].equals(p[i])) {
                return null;
            }
        }
        return t.length == p.length ? vars : null;
    }

    private static String trim(String s) {
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String variable(String segment) {
        if (segment.startsWith("{{") && segment.endsWith("}}")) return segment.substring(2, segment.length() - 2).strip();
        if (segment.startsWith("{") && segment.endsWith("}")) return segment.substring(1, segment.length() - 1).strip();
        return null;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq >= 0 ? pair.substring(0, eq) : pair, StandardCharsets.UTF_8);
            String v = eq >= 0 ? URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8) : "";
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** The declared JSON type of input {@code name} in the unit's schema, or null. */
    String typeOf(String name) {
        JsonNode p = unit.inputSchema().path("properties").path(name);
        return p.isObject() ? p.path("type").asText(null) : null;
    }
}
