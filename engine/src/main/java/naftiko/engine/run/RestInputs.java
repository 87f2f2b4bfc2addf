package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.expr.JsonPathExpr;
import naftiko.engine.expr.Names;

/**
 * Inputs of a REST call: declared inputs first (SPEC.md §7.4), then route variables by normalised
 * name (REAL-WORLD item 9), then location mirroring from the target consumed parameter (item 8).
 */
final class RestInputs implements InputSource {
    /** Body JsonPaths of declared inputs, compiled once per distinct path. */
    private static final java.util.concurrent.ConcurrentMap<String, JsonPathExpr> PATHS = new java.util.concurrent.ConcurrentHashMap<>();

    private final InboundRequest request;
    private final List<InputSpec> declared;

    RestInputs(InboundRequest request, List<InputSpec> declared) {
        this.request = request;
        this.declared = declared;
    }

    @Override
    public JsonNode get(String name, String location) {
        for (InputSpec d : declared) {
            if (d.declared() && (d.name().equals(name) || Names.normalise(d.name()).equals(Names.normalise(name)))) {
                JsonNode v = readDeclared(d);
                if (v != null) return v;
            }
        }
        JsonNode v = text(Names.find(nz(request.pathVariables()), name));
        if (v != null) return v;
        String loc = location == null ? "" : location;
        return switch (loc) {
            case "path" -> null;
            case "query" -> query(name);
            case "header" -> text(request.firstHeader(name));
            case "cookie" -> text(Names.find(nz(request.cookies()), name));
            case "body" -> body();
            case "body-field" -> bodyField(name);
            default -> {
                JsonNode q = query(name);
                if (q == null) q = text(request.firstHeader(name));
                yield q != null ? q : bodyField(name);
            }
        };
    }

    private JsonNode readDeclared(InputSpec d) {
        String in = d.in() == null ? "query" : d.in().toLowerCase(Locale.ROOT);
        if (d.value() != null && !d.value().startsWith("$")) return TextNode.valueOf(d.value());
        return switch (in) {
            case "path" -> text(Names.find(nz(request.pathVariables()), d.name()));
            case "query" -> query(d.name());
            case "header" -> text(request.firstHeader(d.name()));
            case "cookie" -> text(Names.find(nz(request.cookies()), d.name()));
            default -> {
                JsonNode b = body();
                if (b == null) yield null;
                if (d.value() != null) yield PATHS.computeIfAbsent(d.value(), JsonPathExpr::compile).evaluate(b);
                yield b.has(d.name()) ? b.get(d.name()) : b;
            }
        };
    }

    private JsonNode query(String name) {
        String v = request.firstQuery(name);
        if (v == null && request.query() != null) {
            for (Map.Entry<String, List<String>> e : request.query().entrySet()) {
                if (Names.normalise(e.getKey()).equals(Names.normalise(name)) && !e.getValue().isEmpty()) {
                    v = e.getValue().get(0);
                    break;
                }
            }
        }
        return text(v);
    }

    private JsonNode body() {
        JsonNode b = request.jsonBody();
        return b == null || b.isNull() || b.isMissingNode() ? null : b;
    }

    private JsonNode bodyField(String name) {
        JsonNode b = body();
        if (b == null || !b.isObject()) return null;
        JsonNode v = b.get(name);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public Map<String, JsonNode> baseParameters() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (InputSpec d : declared) {
            if (!d.declared()) continue;
            JsonNode v = readDeclared(d);
            if (v != null) m.put(d.name(), v);
        }
        nz(request.pathVariables()).forEach((k, v) -> {
            if (v != null) m.putIfAbsent(k, TextNode.valueOf(v));
        });
        return m;
    }

    @Override
    public boolean typed() {
        return false;
    }

    private static JsonNode text(String s) {
        return s == null ? null : TextNode.valueOf(s);
    }

    private static <K, V> Map<K, V> nz(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }
}
