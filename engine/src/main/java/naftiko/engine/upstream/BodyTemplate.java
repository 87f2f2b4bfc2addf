package naftiko.engine.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.Template;
import naftiko.engine.expr.ValueText;
import naftiko.engine.spec.model.RequestBody;

/**
 * A request body template (SPEC.md §5.7) compiled once, rendered per call into bytes with the
 * intended encoding: raw and json render real JSON (a value inside a JSON string is escaped, a
 * structured value outside one is serialised), text/xml/sparql as text (XML-escaped for xml),
 * formUrlEncoded and multipartForm encoded by the runtime. In JSON, an absent value in value
 * position is {@code null} (required inputs are checked before); inside a JSON string it is an error.
 */
public final class BodyTemplate {

    /** Rendered bytes and their media type. */
    public record Rendered(byte[] bytes, String contentType) {}

    private record FormPart(Template name, Template value, String filename, String contentType) {}

    private final String kind;
    private final Template text;
    private final JsonNode jsonTree;
    private final Map<String, Template> form;
    private final List<FormPart> parts;

    private BodyTemplate(String kind, Template text, JsonNode jsonTree, Map<String, Template> form, List<FormPart> parts) {
        this.kind = kind;
        this.text = text;
        this.jsonTree = jsonTree;
        this.form = form;
        this.parts = parts;
    }

    public static BodyTemplate compile(RequestBody body) {
        String kind = body.kind() == null ? "raw" : body.kind();
        JsonNode data = body.data();
        switch (kind) {
            case "json":
                if (data != null && data.isContainerNode()) return new BodyTemplate(kind, null, data, null, null);
                return new BodyTemplate(kind, Template.compile(data == null ? "" : data.asText()), null, null, null);
            case "formUrlEncoded":
                if (data != null && data.isObject()) {
                    Map<String, Template> f = new LinkedHashMap<>();
                    data.fields().forEachRemaining(e -> f.put(e.getKey(), Template.compile(ValueText.of(e.getValue()) == null ? "" : ValueText.of(e.getValue()))));
                    return new BodyTemplate(kind, null, null, f, null);
                }
                return new BodyTemplate(kind, Template.compile(data == null ? "" : data.asText()), null, null, null);
            case "multipartForm": {
                List<FormPart> p = new ArrayList<>();
                if (data != null) {
                    for (JsonNode part : data) {
                        p.add(new FormPart(Template.compile(part.path("name").asText()),
                                Template.compile(part.hasNonNull("value") ? ValueText.of(part.get("value")) : ""),
                                part.hasNonNull("filename") ? part.get("filename").asText() : null,
                                part.hasNonNull("contentType") ? part.get("contentType").asText() : null));
                    }
                }
                return new BodyTemplate(kind, null, null, null, p);
            }
            default: // raw, text, xml, sparql
                return new BodyTemplate(kind, Template.compile(data == null ? "" : data.isTextual() ? data.textValue() : ValueText.json(data)), null, null, null);
        }
    }

    /** All variables the template reads. */
    public List<String> variables() {
        List<String> out = new ArrayList<>();
        if (text != null) out.addAll(text.variables());
        if (form != null) form.values().forEach(t -> out.addAll(t.variables()));
        if (parts != null) parts.forEach(p -> { out.addAll(p.name().variables()); out.addAll(p.value().variables()); });
        if (jsonTree != null) collect(jsonTree, out);
        return out;
    }

    /** @throws naftiko.engine.expr.MissingVariableException when a variable has no value */
    public Rendered render(Scope scope) {
        return switch (kind) {
            case "json" -> new Rendered(jsonTree != null ? bytes(ValueText.json(fill(jsonTree, scope)))
                    : bytes(renderJsonText(text, scope)), "application/json");
            case "text" -> new Rendered(bytes(text.render(scope)), "text/plain; charset=UTF-8");
            case "xml" -> new Rendered(bytes(text.render(scope, (n, v) -> xmlEscape(ValueText.of(v)))), "application/xml");
            case "sparql" -> new Rendered(bytes(text.render(scope)), "application/sparql-query");
            case "formUrlEncoded" -> new Rendered(bytes(renderForm(scope)), "application/x-www-form-urlencoded");
            case "multipartForm" -> renderMultipart(scope);
            default -> {
                String src = text.source().strip();
                boolean json = src.startsWith("{") || src.startsWith("[");
                yield new Rendered(bytes(json ? renderJsonText(text, scope) : text.render(scope)), "application/json");
            }
        };
    }

    /** Textual rendering that keeps JSON valid: escaped inside strings, JSON for structures outside. */
    static String renderJsonText(Template t, Scope scope) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (Template.Part p : t.parts()) {
            if (!p.isVariable()) {
                String lit = p.literal();
                for (int i = 0; i < lit.length(); i++) {
                    char c = lit.charAt(i);
                    if (c == '\\' && inString) {
                        i++;
                    } else if (c == '"') {
                        inString = !inString;
                    }
                }
                sb.append(lit);
                continue;
            }
            JsonNode v = scope.lookup(p.variable());
            if (v == null || v.isNull()) {
                // an absent optional value is JSON null in value position; inside a string it cannot be rendered
                if (inString) throw new naftiko.engine.expr.MissingVariableException(p.variable());
                sb.append("null");
                continue;
            }
            if (inString) sb.append(ValueText.jsonStringContent(ValueText.of(v)));
            else sb.append(v.isTextual() ? v.textValue() : ValueText.json(v));
        }
        return sb.toString();
    }

    private static JsonNode fill(JsonNode node, Scope scope) {
        if (node.isTextual()) {
            Template t = Template.compile(node.textValue());
            if (t.isConstant()) return node;
            String sole = t.soleVariable();
            if (sole != null) {
                JsonNode v = scope.lookup(sole);
                return v == null ? JsonNodeFactory.instance.nullNode() : v;
            }
            return JsonNodeFactory.instance.textNode(t.render(scope));
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), fill(e.getValue(), scope)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> a.add(fill(e, scope)));
            return a;
        }
        return node;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isTextual()) out.addAll(Template.compile(node.textValue()).variables());
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) collect(it.next(), out);
    }

    private String renderForm(Scope scope) {
        if (form == null) return text.render(scope);
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Template> e : form.entrySet()) {
            if (sb.length() > 0) sb.append('&');
            sb.append(PercentEncoding.form(e.getKey())).append('=').append(PercentEncoding.form(e.getValue().render(scope)));
        }
        return sb.toString();
    }

    private Rendered renderMultipart(Scope scope) {
        String boundary = "naftiko-" + UUID.randomUUID();
        StringBuilder sb = new StringBuilder();
        for (FormPart p : parts) {
            sb.append("--").append(boundary).append("\r\n");
            sb.append("Content-Disposition: form-data; name=\"").append(quote(p.name().render(scope))).append('"');
            if (p.filename() != null) sb.append("; filename=\"").append(quote(p.filename())).append('"');
            sb.append("\r\n");
            if (p.contentType() != null) sb.append("Content-Type: ").append(p.contentType()).append("\r\n");
            sb.append("\r\n").append(p.value().render(scope)).append("\r\n");
        }
        sb.append("--").append(boundary).append("--\r\n");
        return new Rendered(bytes(sb.toString()), "multipart/form-data; boundary=" + boundary);
    }

    private static String quote(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }

    static String xmlEscape(String s) {
        if (s == null) return null;
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
