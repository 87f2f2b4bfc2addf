package naftiko.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A JSON-RPC error raised by a method handler; the dispatcher turns it into an error response that
 * echoes the request id. Messages are shown to clients: never a secret or a stack trace.
 */
public final class JsonRpcError extends RuntimeException {

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** MCP: {@code resources/read} for a URI no resource declares (2025-03-26 … 2025-11-25 text). */
    public static final int RESOURCE_NOT_FOUND = -32002;

    private final int code;
    private final transient JsonNode data;

    public JsonRpcError(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcError(int code, String message, JsonNode data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** Optional structured detail, or null. */
    public JsonNode data() {
        return data;
    }

    public static JsonRpcError invalidParams(String message) {
        return new JsonRpcError(INVALID_PARAMS, message);
    }
}
