package naftiko.engine.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** A rendered mock/static value typed as its declaration says when the text allows it. */
final class MockValues {
    private MockValues() {}

    static JsonNode typed(String type, String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (type) {
            case "number", "integer" -> {
                try {
                    BigDecimal d = new BigDecimal(text.trim());
                    if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
                        java.math.BigInteger i = d.toBigIntegerExact();
                        return i.bitLength() < 32 ? f.numberNode(i.intValue())
                                : i.bitLength() < 64 ? f.numberNode(i.longValue()) : f.numberNode(i);
                    }
                    return f.numberNode(d.doubleValue());
                } catch (NumberFormatException | ArithmeticException e) {
                    return f.textNode(text);
                }
            }
            case "boolean" -> {
                if (text.trim().equalsIgnoreCase("true")) return f.booleanNode(true);
                if (text.trim().equalsIgnoreCase("false")) return f.booleanNode(false);
                return f.textNode(text);
            }
            default -> {
                return f.textNode(text);
            }
        }
    }
}
