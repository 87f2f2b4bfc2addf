package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The inputs of one invocation. MCP passes the tool {@code arguments} as {@code values} and no
 * request; REST passes the {@link InboundRequest} (the engine reads declared inputs and applies
 * location mirroring, REAL-WORLD items 8, 9, 11) and may leave {@code values} empty.
 */
public record Arguments(Map<String, JsonNode> values, InboundRequest request) {

    public Arguments {
        values = values == null ? Map.of() : values;
    }

    public static Arguments of(Map<String, JsonNode> values) {
        return new Arguments(values, null);
    }

    public static Arguments of(InboundRequest request) {
        return new Arguments(Map.of(), request);
    }
}
