package naftiko.engine.shape;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import naftiko.engine.spec.model.OutputParameter;

/**
 * JSON Schema of an orchestrated unit's declared outputs (SPEC.md §12.2): named outputs become the
 * properties of the result object; array {@code items} is a list of named fields (an object) or one
 * unnamed item. Declarative only: the result itself comes from the mappings.
 */
public final class OrchestratedSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OrchestratedSchema() {}

    /** Null when the outputs do not describe an object (none, or unnamed). */
    public static ObjectNode of(List<OutputParameter> outputs) {
        if (outputs == null || outputs.isEmpty() || outputs.stream().anyMatch(o -> o.name() == null)) return null;
        return object(outputs);
    }

    private static ObjectNode object(List<OutputParameter> fields) {
        ObjectNode s = F.objectNode().put("type", "object");
        ObjectNode props = s.putObject("properties");
        for (OutputParameter o : fields) props.set(o.name(), schema(o));
        return s;
    }

    private static ObjectNode schema(OutputParameter o) {
        String type = o.type() == null ? "string" : o.type();
        if (type.equals("object") && o.properties() != null && !o.properties().isEmpty()) {
            ObjectNode s = F.objectNode().put("type", "object");
            ObjectNode props = s.putObject("properties");
            o.properties().forEach((k, v) -> props.set(k, schema(v)));
            return s;
        }
        if (type.equals("array") && o.items() != null && !o.items().isEmpty()) {
            ObjectNode s = F.objectNode().put("type", "array");
            boolean named = o.items().stream().allMatch(i -> i.name() != null);
            s.set("items", named ? object(o.items()) : schema(o.items().get(0)));
            return s;
        }
        return F.objectNode().put("type", type);
    }
}
