package naftiko.engine.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.expr.JsonPathExpr;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.Template;
import naftiko.engine.spec.model.OutputParameter;

/**
 * One output parameter compiled (SPEC.md §12, recommended semantics): an object or array selects
 * its node with {@code mapping} and evaluates {@code properties}/{@code items} relative to it; with
 * no properties/items the selected node passes through unchanged; scalars are JsonPath selections;
 * {@code value} is a template (mock/static), rendered against the call's inputs.
 */
public final class OutputShape {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String name;
    private final String type;
    private final JsonPathExpr mapping;
    private final Template value;
    private final Map<String, OutputShape> properties;
    private final OutputShape items;

    private OutputShape(String name, String type, JsonPathExpr mapping, Template value,
                        Map<String, OutputShape> properties, OutputShape items) {
        this.name = name;
        this.type = type;
        this.mapping = mapping;
        this.value = value;
        this.properties = properties;
        this.items = items;
    }

    public static OutputShape compile(OutputParameter p) {
        Map<String, OutputShape> props = new LinkedHashMap<>();
        if (p.properties() != null) p.properties().forEach((k, v) -> props.put(k, compile(v)));
        List<OutputParameter> items = p.items();
        return new OutputShape(p.name(), p.type() == null ? "string" : p.type(),
                p.mapping() == null ? null : JsonPathExpr.compile(p.mapping()),
                p.value() == null ? null : Template.compile(p.value()),
                props, items == null || items.isEmpty() ? null : compile(items.get(0)));
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public boolean hasValue() {
        return value != null || properties.values().stream().anyMatch(OutputShape::hasValue)
                || (items != null && items.hasValue());
    }

    /** Object or array selecting the whole document with nothing to reshape. */
    public boolean isWholeBodyPassThrough() {
        return (type.equals("object") || type.equals("array")) && value == null
                && (mapping == null || mapping.isWholeDocument()) && properties.isEmpty() && items == null;
    }

    /** True when the output has a declared structure worth a JSON Schema. */
    public boolean isTyped() {
        return !isWholeBodyPassThrough() && (mapping != null || value != null || !properties.isEmpty() || items != null);
    }

    /** The shaped node, or null when nothing matched. */
    public JsonNode apply(JsonNode root, Scope inputs) {
        if (value != null) return MockValues.typed(type, value.render(inputs));
        switch (type) {
            case "object": {
                JsonNode node = mapping == null ? root : mapping.evaluate(root);
                if (properties.isEmpty()) return node;
                if (node == null && !hasValue()) return null;
                ObjectNode o = F.objectNode();
                properties.forEach((k, s) -> {
                    JsonNode v = s.apply(node, inputs);
                    o.set(k, v == null ? NullNode.getInstance() : v);
                });
                return o;
            }
            case "array": {
                JsonNode node = mapping == null ? root : mapping.evaluate(root);
                if (node == null && items != null && items.hasValue()) {
                    // mock: one item built from the item's values
                    return F.arrayNode().add(items.apply(null, inputs));
                }
                if (node == null || !node.isArray()) return null;
                if (items == null) return node;
                ArrayNode a = F.arrayNode();
                node.forEach(e -> {
                    JsonNode v = items.apply(e, inputs);
                    a.add(v == null ? NullNode.getInstance() : v);
                });
                return a;
            }
            default:
                return mapping == null ? null : mapping.evaluate(root);
        }
    }

    /** JSON Schema (2020-12) of what {@link #apply} produces. */
    public ObjectNode schema() {
        ObjectNode s = F.objectNode();
        switch (type) {
            case "object" -> {
                s.put("type", "object");
                if (!properties.isEmpty()) {
                    ObjectNode props = s.putObject("properties");
                    properties.forEach((k, v) -> props.set(k, v.schema()));
                }
            }
            case "array" -> {
                s.put("type", "array");
                if (items != null) s.set("items", items.schema());
            }
            default -> s.put("type", type);
        }
        return s;
    }
}
