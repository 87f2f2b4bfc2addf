package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Where a unit reads its inputs: MCP arguments, or an inbound REST request. */
interface InputSource {

    /** The input's value, or null when absent. {@code location} as in {@link InputSpec#location()}. */
    JsonNode get(String name, String location);

    /** The starting parameter map: every MCP argument; REST: declared inputs and route variables. */
    Map<String, JsonNode> baseParameters();

    /** True for MCP-style typed arguments (type-checked), false for REST strings. */
    boolean typed();

    static InputSource of(Arguments args, java.util.List<InputSpec> declared) {
        return args.request() == null ? new McpInputs(args.values()) : new RestInputs(args.request(), declared);
    }

    static InputSource of(Map<String, JsonNode> values) {
        return new McpInputs(values);
    }
}
