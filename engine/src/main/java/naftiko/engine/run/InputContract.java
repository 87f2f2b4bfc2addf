package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The inputs of a unit: its JSON Schema (2020-12) and the checks run before any upstream call,
 * identical for REST and MCP: every required input present, and MCP argument types as declared.
 * Unknown extra arguments are allowed.
 */
final class InputContract {
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "object", "array");

    private final List<InputSpec> inputs;

    InputContract(List<InputSpec> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    List<InputSpec> inputs() {
        return inputs;
    }

    /** A new schema on every call (callers own it): built from the inputs, not kept (1,000 files: 38,000 units). */
    ObjectNode schema() {
        return buildSchema(inputs);
    }

    private static ObjectNode buildSchema(List<InputSpec> inputs) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        s.put("type", "object");
        ObjectNode props = f.objectNode();
        ArrayNode required = f.arrayNode();
        for (InputSpec i : inputs) {
            if (props.has(i.name())) continue;
            ObjectNode p = props.putObject(i.name());
            p.put("type", TYPES.contains(i.type()) ? i.type() : "string");
            if (i.description() != null && !i.description().isBlank()) p.put("description", i.description());
            if (i.required()) required.add(i.name());
        }
        s.set("properties", props);
        s.set("required", required);
        return s;
    }

    /** @throws UnitFailure BAD_INPUT naming each missing or ill-typed input */
    void check(InputSource src) {
        String word = src.typed() ? "argument" : "parameter";
        List<String> missing = new ArrayList<>();
        List<String> badType = new ArrayList<>();
        String typeMessage = null;
        for (InputSpec i : inputs) {
            JsonNode v = src.get(i.name(), i.location());
            if (v == null) {
                if (i.required() && !missing.contains(i.name())) missing.add(i.name());
                continue;
            }
            if (src.typed() && !fits(i.type(), v)) {
                badType.add(i.name());
                if (typeMessage == null) typeMessage = word + " " + i.name() + " must be " + article(i.type());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "missing required " + word + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing), missing);
        }
        if (!badType.isEmpty()) throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, typeMessage, badType);
    }

    static boolean fits(String type, JsonNode v) {
        if (type == null) return true;
        return switch (type) {
            case "integer" -> v.isIntegralNumber() || (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0);
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "string" -> v.isValueNode();
            case "object" -> v.isObject() || (v.isTextual() && v.textValue().strip().startsWith("{"));
            case "array" -> v.isArray() || (v.isTextual() && v.textValue().strip().startsWith("["));
            default -> true;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            default -> "a " + type;
        };
    }
}
