package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import naftiko.engine.expr.Names;

/** MCP tool arguments (or any parameter map): looked up by exact, then normalised name. */
final class McpInputs implements InputSource {
    private final Map<String, JsonNode> values;

    McpInputs(Map<String, JsonNode> values) {
        this.values = values;
    }

    @Override
    public JsonNode get(String name, String location) {
        JsonNode v = Names.find(values, name);
        return v == null || v.isNull() ? null : v;
    }

    @Override
    public Map<String, JsonNode> baseParameters() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isNull()) m.put(k, v);
        });
        return m;
    }

    @Override
    public boolean typed() {
        return true;
    }
}
