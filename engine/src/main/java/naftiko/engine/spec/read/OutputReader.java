package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.ConsumedOutput;
import naftiko.engine.spec.model.OutputParameter;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Output parameters of exposed units (mapped, mock, orchestrated — one recursive record) and of consumed operations. */
final class OutputReader {
    static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "object", "array");

    private OutputReader() {}

    static List<OutputParameter> outputs(YamlMap unit) {
        return unit.maps("outputParameters", OutputReader::output, i -> "output parameter #" + (i + 1) + " of " + unit.what());
    }

    static OutputParameter output(YamlMap m) {
        return output(m, null);
    }

    private static OutputParameter output(YamlMap m, String keyName) {
        String name = m.string("name");
        if (name == null) name = keyName;
        String type = m.oneOf("type", TYPES);
        String mapping = Normalise.jsonPath(m.string("mapping"));
        String value = Normalise.jsonPath(m.string("value"));
        Node constNode = m.node("const");
        m.known("maxLength", "description");
        Map<String, OutputParameter> properties = null;
        List<OutputParameter> items = null;
        if (m.has("properties")) properties = properties(m);
        if (m.has("items")) items = items(m);
        if (type == null && !m.has("type")) {
            type = properties != null ? "object" : items != null ? "array" : null;
            if (type == null) m.missing("type");
        }
        if ("object".equals(type) && properties == null) {
            properties = Map.of();
            if (mapping != null) {
                m.report().leniency(Rules.OUTPUT_WITHOUT_PROPERTIES, "object output with a mapping and no properties",
                        "read as: pass the node at '" + mapping + "' through unchanged", m.pos());
            }
        }
        if ("array".equals(type) && items == null) {
            items = List.of();
            if (mapping != null) {
                m.report().leniency(Rules.OUTPUT_WITHOUT_PROPERTIES, "array output with a mapping and no items",
                        "read as: pass the node at '" + mapping + "' through unchanged", m.pos());
            }
        }
        m.unknownFields();
        return new OutputParameter(name, type, mapping, value, constNode == null ? null : Nodes.toJson(constNode),
                properties, items, m.pos());
    }

    private static Map<String, OutputParameter> properties(YamlMap m) {
        Node n = m.node("properties");
        Map<String, OutputParameter> out = new LinkedHashMap<>();
        if (n instanceof MappingNode) {
            for (NodeTuple t : m.pairs("properties")) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                YamlMap child = YamlMap.of(t.getValueNode(), m.report(), "output property '" + key + "'");
                if (child != null) out.put(key, output(child, key));
            }
        } else if (n instanceof SequenceNode seq) {
            // the authoring recipe writes properties as a list of named entries
            for (Node item : seq.getValue()) {
                YamlMap child = YamlMap.of(item, m.report(), "output property of " + m.what());
                if (child == null) continue;
                OutputParameter p = output(child, null);
                if (p.name() == null) continue;
                out.put(p.name(), p);
            }
            m.report().leniency(Rules.OUTPUT_PROPERTIES_LIST, "'properties' is a list; the schema wants a mapping name → output",
                    "write 'properties:' as a mapping keyed by the property name", m.pos("properties"));
        } else {
            m.report().error(Rules.WRONG_TYPE, "'properties' in " + m.what() + " must be a mapping, got " + Nodes.describe(n), null, m.pos("properties"));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<OutputParameter> items(YamlMap m) {
        Node n = m.node("items");
        List<OutputParameter> out = new ArrayList<>();
        if (n instanceof SequenceNode) {
            out.addAll(m.maps("items", OutputReader::output, i -> "item #" + (i + 1) + " of " + m.what()));
        } else {
            YamlMap child = YamlMap.of(n, m.report(), "'items' of " + m.what());
            if (child != null) out.add(output(child));
        }
        return List.copyOf(out);
    }

    static List<ConsumedOutput> consumedOutputs(YamlMap op) {
        return op.maps("outputParameters", m -> {
            String name = m.requiredString("name");
            String type = m.oneOf("type", TYPES);
            String value = m.string("value");
            if (value == null && m.has("mapping")) value = m.string("mapping");
            if (value == null) m.missing("value");
            m.unknownFields();
            return new ConsumedOutput(name, type, Normalise.jsonPath(value), m.pos());
        }, i -> "output parameter #" + (i + 1) + " of " + op.what());
    }
}
