package naftiko.mcp.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.Replies;

/** Writes Streamable HTTP answers: JSON bodies, a single SSE event, or an empty status. */
final class HttpReplies {
    private HttpReplies() {}

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private static final byte[] EVENT_HEAD = "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);

    /** A JSON-RPC message as {@code application/json}, or as one SSE {@code message} event. */
    static void message(HttpServerExchange exchange, int status, JsonNode message, boolean asEvent) {
        byte[] json = serialise(message);
        exchange.setStatusCode(status);
        byte[] body = json;
        if (asEvent) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, EVENT_STREAM);
            exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
            // One data line carries it: strings are escaped and embedded upstream JSON is
            // single-line (StructuredContent).
            body = new byte[EVENT_HEAD.length + json.length + 2];
            System.arraycopy(EVENT_HEAD, 0, body, 0, EVENT_HEAD.length);
            System.arraycopy(json, 0, body, EVENT_HEAD.length, json.length);
            body[body.length - 2] = '\n';
            body[body.length - 1] = '\n';
        } else {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        }
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** An HTTP-level refusal with a JSON-RPC error body (id null), as the transport spec allows. */
    static void refuse(HttpServerExchange exchange, int status, int code, String message) {
        message(exchange, status, Replies.error(null, code, message, null), false);
    }

    static void refuse(HttpServerExchange exchange, int status, String message) {
        refuse(exchange, status, JsonRpcError.INVALID_REQUEST, message);
    }

    static void empty(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    private static byte[] serialise(JsonNode node) {
        try {
            return Replies.JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
