package naftiko.engine.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import naftiko.engine.expr.MissingVariableException;
import naftiko.engine.expr.Names;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.Template;
import naftiko.engine.expr.ValueText;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.spec.model.ConsumedParameter;
import naftiko.engine.spec.model.ConsumedResource;
import naftiko.engine.spec.model.Consumes;

/**
 * One consumed operation compiled into a request builder (SPEC.md §11.4): base URI joined to the
 * path with exactly one {@code /}, placeholders filled by (normalised) name and percent-encoded as
 * one segment each, query/header/cookie parameters, the body, and outbound authentication.
 */
public final class RequestTemplate {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An effective consumed parameter, its value template compiled, its required flag defaulted. */
    public record Param(String name, String in, Template value, String type, String description, boolean required) {}

    private final String method;
    private final String baseUri;
    private final Template path;
    private final List<Param> params;
    private final BodyTemplate body;
    private final OutboundAuth auth;

    private RequestTemplate(String method, String baseUri, Template path, List<Param> params, BodyTemplate body, OutboundAuth auth) {
        this.method = method;
        this.baseUri = baseUri;
        this.path = path;
        this.params = params;
        this.body = body;
        this.auth = auth;
    }

    public static RequestTemplate compile(String baseUri, Consumes consumes, ConsumedResource resource, ConsumedOperation op) {
        Map<String, ConsumedParameter> merged = new LinkedHashMap<>();
        for (List<ConsumedParameter> level : List.of(nz(consumes.inputParameters()), nz(resource.inputParameters()), nz(op.inputParameters()))) {
            for (ConsumedParameter p : level) merged.put(p.name() + "\u0000" + p.in(), p);
        }
        List<Param> ps = new ArrayList<>();
        for (ConsumedParameter p : merged.values()) {
            String in = p.in() == null ? "query" : p.in().toLowerCase(Locale.ROOT);
            boolean required = p.required() != null ? p.required() : in.equals("path");
            ps.add(new Param(p.name(), in, p.value() == null ? null : Template.compile(p.value()), p.type(), p.description(), required));
        }
        String method = op.method() == null ? "GET" : op.method().toUpperCase(Locale.ROOT);
        return new RequestTemplate(method, baseUri, Template.compilePath(resource.path() == null ? "" : resource.path()), List.copyOf(ps),
                op.body() == null ? null : BodyTemplate.compile(op.body()), OutboundAuth.compile(consumes.authentication()));
    }

    private static <T> List<T> nz(List<T> l) {
        return l == null ? List.of() : l;
    }

    public String method() {
        return method;
    }

    public List<Param> parameters() {
        return params;
    }

    public Param parameter(String name) {
        for (Param p : params) if (p.name().equals(name)) return p;
        return null;
    }

    /** Placeholder names of the consumed path, in order. */
    public List<String> pathVariables() {
        return path.variables();
    }

    /** True when a body is built from inputs ({@code in: body} parameters and no body template). */
    public boolean bodyFromInputs() {
        return body == null && params.stream().anyMatch(p -> p.in().equals("body"));
    }

    public boolean hasBodyTemplate() {
        return body != null;
    }

    public OutboundAuth auth() {
        return auth;
    }

    /**
     * Builds the request. {@code inputs} is the call's parameter map (unit inputs merged with
     * {@code with}); {@code binds} the bind variables.
     *
     * @throws UnitFailure BAD_INPUT naming every required value that is missing
     */
    public UpstreamRequest build(Map<String, JsonNode> inputs, Scope binds) {
        Map<String, JsonNode> values = new LinkedHashMap<>(inputs);
        Scope scope = lenient(values).then(binds);
        Set<String> missing = new LinkedHashSet<>();
        List<String[]> query = new ArrayList<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        Map<String, JsonNode> bodyValues = new LinkedHashMap<>();
        for (Param p : params) {
            JsonNode v;
            if (p.value() != null) {
                v = renderValue(p, scope, missing);
            } else {
                v = Names.find(values, p.name());
            }
            if (v == null || v.isNull()) {
                if (p.required() && p.value() == null) missing.add(p.name());
                continue;
            }
            values.put(p.name(), v);
            switch (p.in()) {
                case "query" -> {
                    if (v.isArray()) v.forEach(e -> addText(query, p.name(), e));
                    else addText(query, p.name(), v);
                }
                case "header" -> {
                    String h = ValueText.of(v);
                    if (h.indexOf('\r') >= 0 || h.indexOf('\n') >= 0) {
                        throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "header " + p.name() + " must not contain line breaks",
                                List.of(p.name()));
                    }
                    headers.put(p.name(), new ArrayList<>(List.of(h)));
                }
                case "cookie" -> cookies.add(p.name() + "=" + ValueText.of(v));
                case "body" -> bodyValues.put(p.name(), v);
                default -> { }
            }
        }
        String renderedPath;
        try {
            renderedPath = path.render(lenient(values).then(binds), (name, v) -> {
                String text = ValueText.of(v);
                return text == null || text.isEmpty() ? null : PercentEncoding.segment(text);
            });
        } catch (MissingVariableException e) {
            renderedPath = null;
            for (String var : path.variables()) {
                JsonNode v = lenient(values).then(binds).lookup(var);
                if (v == null || v.isNull() || ValueText.of(v).isEmpty()) missing.add(var);
            }
        }
        byte[] bodyBytes = null;
        String contentType = null;
        if (body != null) {
            try {
                BodyTemplate.Rendered r = body.render(lenient(values).then(binds));
                bodyBytes = r.bytes();
                contentType = r.contentType();
            } catch (MissingVariableException e) {
                missing.add(e.variable());
            }
        } else if (!bodyValues.isEmpty() || params.stream().anyMatch(p -> p.in().equals("body"))) {
            JsonNode b = bodyFromParams(bodyValues);
            if (b != null) {
                bodyBytes = ValueText.json(b).getBytes(StandardCharsets.UTF_8);
                contentType = "application/json";
            }
        }
        if (!missing.isEmpty()) {
            throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "missing required "
                    + (missing.size() == 1 ? "input " : "inputs ") + String.join(", ", missing), List.copyOf(missing));
        }
        if (!cookies.isEmpty()) headers.put("Cookie", new ArrayList<>(List.of(String.join("; ", cookies))));
        try {
            auth.apply(scope, headers, query);
        } catch (MissingVariableException e) {
            throw new UnitFailure(UnitFailure.Kind.CONFIGURATION, "authentication of this upstream needs '" + e.variable()
                    + "', which has no value; declare it in binds");
        }
        if (bodyBytes != null && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("content-type"))) {
            headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
        }
        StringBuilder url = new StringBuilder(join(baseUri, renderedPath));
        char sep = url.indexOf("?") >= 0 ? '&' : '?';
        for (String[] q : query) {
            url.append(sep).append(PercentEncoding.query(q[0])).append('=').append(PercentEncoding.query(q[1]));
            sep = '&';
        }
        return new UpstreamRequest(method, url.toString(), headers, bodyBytes,
                bodyBytes == null ? null : firstHeader(headers, "content-type"));
    }

    private JsonNode bodyFromParams(Map<String, JsonNode> present) {
        List<Param> bodyParams = params.stream().filter(p -> p.in().equals("body")).toList();
        if (bodyParams.size() == 1) {
            Param p = bodyParams.get(0);
            JsonNode v = present.get(p.name());
            if (v == null) return null;
            boolean structured = "object".equals(p.type()) || "array".equals(p.type()) || p.name().equals("body");
            if (v.isContainerNode()) return v;
            if (structured) return v.isTextual() ? parseIfJson(v) : v;
        }
        if (present.isEmpty()) return null;
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Param p : bodyParams) {
            JsonNode v = present.get(p.name());
            if (v != null) o.set(p.name(), "object".equals(p.type()) || "array".equals(p.type()) ? parseIfJson(v) : v);
        }
        return o;
    }

    /** Agents sometimes send an object as a JSON string: parse it when it is one. */
    static JsonNode parseIfJson(JsonNode v) {
        if (!v.isTextual()) return v;
        String s = v.textValue().strip();
        if (!(s.startsWith("{") || s.startsWith("["))) return v;
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            return v;
        }
    }

    private static JsonNode renderValue(Param p, Scope scope, Set<String> missing) {
        String sole = p.value().soleVariable();
        if (sole != null) {
            JsonNode v = scope.lookup(sole);
            if ((v == null || v.isNull()) && p.required()) missing.add(sole);
            return v;
        }
        try {
            return JsonNodeFactory.instance.textNode(p.value().render(scope));
        } catch (MissingVariableException e) {
            if (p.required()) missing.add(e.variable());
            return null;
        }
    }

    private static void addText(List<String[]> query, String name, JsonNode v) {
        String t = ValueText.of(v);
        if (t != null) query.add(new String[] {name, t});
    }

    private static String firstHeader(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
        }
        return null;
    }

    /** Base URI and path joined with exactly one {@code /}; the path is otherwise kept verbatim. */
    public static String join(String base, String path) {
        if (path == null || path.isEmpty()) return base;
        boolean b = base.endsWith("/");
        boolean p = path.startsWith("/");
        if (b && p) return base + path.substring(1);
        if (!b && !p && !path.startsWith("?")) return base + "/" + path;
        return base + path;
    }

    /** Exact key, dotted navigation, then the normalised name (REAL-WORLD items 9, 11). */
    static Scope lenient(Map<String, JsonNode> values) {
        Scope exact = Scope.of(values);
        return name -> {
            JsonNode v = exact.lookup(name);
            return v != null ? v : Names.find(values, name);
        };
    }
}
