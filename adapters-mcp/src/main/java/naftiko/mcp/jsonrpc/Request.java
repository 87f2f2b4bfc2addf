package naftiko.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import naftiko.engine.log.RequestIds;
import naftiko.engine.log.UpstreamTrace;
import naftiko.engine.run.CallContext;
import naftiko.mcp.session.Session;

/**
 * One JSON-RPC request or notification as a handler sees it.
 *
 * @param id      the request id, or null for a notification
 * @param params  the params object (empty when absent)
 * @param session the client session (protocol version, log level, in-flight calls)
 * @param context the call context units get: request id, adapter, upstream trace for the log line
 */
public record Request(JsonNode id, String method, ObjectNode params, Session session, CallContext context) {

    public Request(JsonNode id, String method, ObjectNode params, Session session) {
        this(id, method, params, session, new CallContext(RequestIds.fresh(), "mcp", new UpstreamTrace()));
    }

    /**
     * The key of a request id among a session's in-flight requests ({@code notifications/cancelled}
     * names requests by id): a string id and a number id with the same digits stay distinct.
     */
    public static String key(JsonNode id) {
        return id.isTextual() ? '"' + id.textValue() : id.asText();
    }

    public boolean isNotification() {
        return id == null;
    }

    /** A required string parameter; -32602 naming it when missing or not a string. */
    public String requiredText(String name) {
        JsonNode v = params.get(name);
        if (v == null || !v.isTextual()) {
            throw JsonRpcError.invalidParams("Invalid params: '" + name + "' must be a string");
        }
        return v.asText();
    }

    /** An optional object parameter; -32602 when present but not an object. */
    public ObjectNode optionalObject(String name) {
        JsonNode v = params.get(name);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw JsonRpcError.invalidParams("Invalid params: '" + name + "' must be an object");
        return (ObjectNode) v;
    }

    /** The pagination cursor, or null. */
    public String cursor() {
        JsonNode v = params.get("cursor");
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw JsonRpcError.invalidParams("Invalid params: 'cursor' must be a string");
        return v.asText();
    }
}
