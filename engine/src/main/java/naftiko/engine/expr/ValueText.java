package naftiko.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/** How a JSON value reads inside text: strings bare, integral numbers without {@code .0}, structures as compact JSON. */
public final class ValueText {
    static final ObjectMapper JSON = new ObjectMapper();

    private ValueText() {}

    /** Null for a missing or JSON-null value. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        if (node.isTextual()) return node.textValue();
        if (node.isNumber()) {
            if (node.isIntegralNumber()) return node.bigIntegerValue().toString();
            java.math.BigDecimal d = node.decimalValue();
            if (d.signum() == 0) return "0";
            d = d.stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (node.isBoolean()) return node.asText();
        return json(node);
    }

    public static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON string with the characters escaped, without the surrounding quotes. */
    public static String jsonStringContent(String s) {
        String quoted = json(TextNode.valueOf(s));
        return quoted.substring(1, quoted.length() - 1);
    }
}
