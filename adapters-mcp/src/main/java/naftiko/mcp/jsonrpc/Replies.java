package naftiko.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds JSON-RPC 2.0 response objects. */
public final class Replies {
    private Replies() {}

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode reply = envelope(id);
        reply.set("result", result == null ? NODES.objectNode() : result);
        return reply;
    }

    /** {@code id} is echoed; a null or missing id becomes JSON null (request id unknown). */
    public static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
        ObjectNode reply = envelope(id);
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        if (data != null) error.set("data", data);
        return reply;
    }

    public static ObjectNode error(JsonNode id, JsonRpcError e) {
        return error(id, e.code(), e.getMessage(), e.data());
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode reply = NODES.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", id == null || id.isMissingNode() ? NODES.nullNode() : id);
        return reply;
    }
}
