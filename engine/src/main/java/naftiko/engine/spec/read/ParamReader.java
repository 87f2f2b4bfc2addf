package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.ConsumedParameter;
import naftiko.engine.spec.model.ExposedParameter;

/** Input parameters: consumed (§5.5), exposed REST (§7.4), MCP tool / aggregate function (§14.2). */
final class ParamReader {
    static final List<String> CONSUMED_IN = List.of("query", "header", "path", "cookie", "body", "environment");
    static final List<String> EXPOSED_IN = List.of("query", "header", "path", "cookie", "body");
    static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "array", "object");

    private ParamReader() {}

    /** Consumed parameters; the tolerated {@code type/description/required} extras get one warning per list. */
    static List<ConsumedParameter> consumed(YamlMap owner) {
        List<String> extras = new ArrayList<>();
        List<ConsumedParameter> params = owner.maps("inputParameters", m -> {
            String name = m.requiredString("name");
            String in = m.oneOf("in", CONSUMED_IN);
            if (in == null && !m.has("in")) m.missing("in");
            String value = m.string("value");
            if (value == null && m.has("template")) value = m.string("template");
            String type = m.string("type");
            String description = m.string("description");
            Boolean required = m.bool("required");
            if (type != null || description != null || required != null) extras.add(name);
            m.unknownFields();
            return new ConsumedParameter(name, in, value, type, description, required, m.pos());
        }, i -> "consumed input parameter #" + (i + 1) + " of " + owner.what());
        if (!extras.isEmpty()) {
            owner.report().leniency(Rules.CONSUMED_PARAM_EXTRA_FIELDS,
                    extras.size() + " consumed parameter(s) of " + owner.what() + " carry type/description/required (not in the alpha2 schema)",
                    "kept: they describe the derived MCP input schema", owner.pos("inputParameters"));
        }
        return params;
    }

    /** REST inputs: {@code in} required. */
    static List<ExposedParameter> rest(YamlMap owner) {
        return owner.maps("inputParameters", m -> {
            String name = m.requiredString("name");
            String in = m.oneOf("in", EXPOSED_IN);
            if (in == null && !m.has("in")) m.missing("in");
            String type = m.oneOf("type", TYPES);
            String description = m.string("description");
            String pattern = m.string("pattern");
            String value = m.string("value");
            Boolean required = m.bool("required");
            m.unknownFields();
            return new ExposedParameter(name, in, type, description, pattern, value, required, m.pos());
        }, i -> "input parameter #" + (i + 1) + " of " + owner.what());
    }

    /** MCP tool and aggregate function inputs: no {@code in}. */
    static List<ExposedParameter> tool(YamlMap owner) {
        return owner.maps("inputParameters", m -> {
            String name = m.requiredString("name");
            String type = m.oneOf("type", TYPES);
            String description = m.string("description");
            Boolean required = m.bool("required");
            m.unknownFields();
            return new ExposedParameter(name, null, type, description, null, null, required, m.pos());
        }, i -> "input parameter #" + (i + 1) + " of " + owner.what());
    }
}
