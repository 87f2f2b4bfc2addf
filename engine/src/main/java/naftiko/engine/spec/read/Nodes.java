package naftiko.engine.spec.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Small facts about YAML nodes, and their conversion to JSON trees for free-form fields. */
public final class Nodes {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Deep enough for any real document; stops alias-built structures from exploding. */
    private static final int MAX_DEPTH = 64;

    private Nodes() {}

    public static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
    }

    /** "a list", "a mapping", "the number 3", "'abc'" — for wrong-type messages. */
    public static String describe(Node n) {
        if (n == null || isNull(n)) return "nothing (null)";
        if (n instanceof MappingNode) return "a mapping";
        if (n instanceof SequenceNode) return "a list";
        ScalarNode s = (ScalarNode) n;
        String v = s.getValue().length() > 40 ? s.getValue().substring(0, 40) + "…" : s.getValue();
        if (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag())) return "the number " + v;
        if (Tag.BOOL.equals(s.getTag())) return "the boolean " + v;
        return "'" + v + "'";
    }

    /** A scalar as a Java value: String, Long/BigInteger, Double/BigDecimal, Boolean or null. */
    public static Object scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) return null;
            if (Tag.BOOL.equals(tag)) return Boolean.parseBoolean(v.toLowerCase());
            if (Tag.INT.equals(tag)) {
                BigInteger b = parseInt(v);
                return b.bitLength() < 63 ? (Object) b.longValue() : b;
            }
            if (Tag.FLOAT.equals(tag)) {
                String t = v.toLowerCase();
                if (t.contains("inf") || t.contains("nan")) return v;
                return new BigDecimal(v);
            }
        } catch (NumberFormatException e) {
            return v;
        }
        return v;
    }

    private static BigInteger parseInt(String v) {
        String t = v.replace("_", "");
        if (t.startsWith("0x")) return new BigInteger(t.substring(2), 16);
        if (t.startsWith("0o")) return new BigInteger(t.substring(2), 8);
        return new BigInteger(t);
    }

    public static JsonNode toJson(Node n) {
        return toJson(n, 0);
    }

    private static JsonNode toJson(Node n, int depth) {
        if (n == null || depth > MAX_DEPTH) return JSON.nullNode();
        if (n instanceof MappingNode m) {
            ObjectNode o = JSON.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(toJson(t.getKeyNode(), depth + 1));
                o.set(key, toJson(t.getValueNode(), depth + 1));
            }
            return o;
        }
        if (n instanceof SequenceNode seq) {
            ArrayNode a = JSON.arrayNode();
            for (Node item : seq.getValue()) a.add(toJson(item, depth + 1));
            return a;
        }
        Object v = scalar((ScalarNode) n);
        if (v == null) return JSON.nullNode();
        if (v instanceof Boolean b) return JSON.booleanNode(b);
        if (v instanceof Long l) return JSON.numberNode(l);
        if (v instanceof BigInteger b) return JSON.numberNode(b);
        if (v instanceof BigDecimal d) return JSON.numberNode(d);
        return JSON.textNode(v.toString());
    }
}
