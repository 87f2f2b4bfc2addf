package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * JSON tree for the plain values SnakeYAML Engine builds. Map keys become their text; binary
 * becomes base64. Depth and total node count are bounded (aliases can multiply a small document).
 */
final class YamlJson {
    static final int MAX_DEPTH = 200;
    static final int MAX_NODES = 2_000_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private int nodes;

    private YamlJson() {}

    static JsonNode of(Object value) {
        return new YamlJson().convert(value, 0);
    }

    private JsonNode convert(Object v, int depth) {
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw new FormatDecoder.FormatException("YAML expands to more than " + MAX_NODES
                    + " values or " + MAX_DEPTH + " levels; refusing to build it");
        }
        if (v == null) {
            return F.nullNode();
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode obj = F.objectNode();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                obj.set(String.valueOf(e.getKey()), convert(e.getValue(), depth + 1));
            }
            return obj;
        } else if (v instanceof Collection<?> list) {
            ArrayNode arr = F.arrayNode();
            for (Object item : list) {
                arr.add(convert(item, depth + 1));
            }
            return arr;
        } else if (v instanceof String s) {
            return F.textNode(s);
        } else if (v instanceof Boolean b) {
            return F.booleanNode(b);
        } else if (v instanceof Integer i) {
            return F.numberNode(i);
        } else if (v instanceof Long l) {
            return F.numberNode(l);
        } else if (v instanceof BigInteger bi) {
            return F.numberNode(bi);
        } else if (v instanceof Double d) {
            return Double.isFinite(d) ? F.numberNode(d) : F.textNode(d.toString());
        } else if (v instanceof BigDecimal bd) {
            return F.numberNode(bd);
        } else if (v instanceof byte[] bytes) {
            return F.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        return F.textNode(String.valueOf(v));
    }
}
