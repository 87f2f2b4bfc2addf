package naftiko.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON literals in tests. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A JSON object as MCP-style arguments. */
    public static Map<String, JsonNode> args(String object) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        parse(object).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }
}
