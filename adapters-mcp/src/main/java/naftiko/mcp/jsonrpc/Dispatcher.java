package naftiko.mcp.jsonrpc;

import naftiko.engine.log.EventLog;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import naftiko.engine.run.UnitFailure;
import naftiko.mcp.session.Session;

/**
 * Transport-independent JSON-RPC 2.0 dispatch: validates the envelope, routes to one
 * {@link MethodHandler} per method, and turns failures into error responses that echo the id.
 *
 * <p>Batches (JSON arrays) exist only in protocol revision 2025-03-26; later revisions removed them,
 * so a batch under another negotiated version is answered with a single -32600 error.
 */
public final class Dispatcher {

    /** The only revision whose transport allows JSON-RPC batches. */
    public static final String BATCH_VERSION = "2025-03-26";

    private final Map<String, MethodHandler> requests;
    private final Map<String, MethodHandler> notifications;
    private final Function<Throwable, JsonRpcError> failureMapping;

    /**
     * @param failureMapping turns an unexpected handler failure into the error sent to the client
     *                       (and logs it); JsonRpcError and BAD_INPUT are mapped before it
     */
    public Dispatcher(Map<String, MethodHandler> requests, Map<String, MethodHandler> notifications,
            Function<Throwable, JsonRpcError> failureMapping) {
        this.requests = Map.copyOf(requests);
        this.notifications = Map.copyOf(notifications);
        this.failureMapping = failureMapping;
    }

    /** Parses one message or batch; -32700 when it is not JSON. */
    public static JsonNode parse(byte[] raw) {
        try {
            JsonNode node = Replies.JSON.readTree(raw);
            if (node == null || node.isMissingNode()) throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: empty message");
            return node;
        } catch (JacksonException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: the message is not valid JSON");
        } catch (IOException e) {
            throw new JsonRpcError(JsonRpcError.PARSE_ERROR, "Parse error: " + e.getMessage());
        }
    }

    /** True when {@code message} is a single {@code initialize} request. */
    public static boolean isInitialize(JsonNode message) {
        return message.isObject() && "initialize".equals(message.path("method").asText(null)) && message.has("id");
    }

    /**
     * True when dispatching {@code message} (or any message of a batch) may block the calling
     * thread: its method's handler says so ({@link MethodHandler#mayBlock}). Everything else is
     * asynchronous and can run on a connection's I/O thread.
     */
    public boolean mayBlock(JsonNode message) {
        if (message.isArray()) {
            for (JsonNode m : message) if (mayBlock(m)) return true;
            return false;
        }
        JsonNode method = message.get("method");
        if (method == null || !method.isTextual()) return false;
        MethodHandler handler = message.has("id") ? requests.get(method.asText()) : notifications.get(method.asText());
        return handler != null && handler.mayBlock();
    }

    /**
     * Dispatches a parsed message or batch. Completes with the response (object, or array for a
     * batch), or with null when nothing is to be sent back (notifications, responses, cancelled).
     */
    public CompletableFuture<JsonNode> dispatch(JsonNode message, Session session, String protocolVersion) {
        if (!message.isArray()) return single(message, session, true);
        if (!BATCH_VERSION.equals(protocolVersion)) {
            return done(Replies.error(null, JsonRpcError.INVALID_REQUEST,
                    "Invalid Request: JSON-RPC batches are not supported in protocol version " + protocolVersion, null));
        }
        if (message.isEmpty()) {
            return done(Replies.error(null, JsonRpcError.INVALID_REQUEST, "Invalid Request: empty batch", null));
        }
        List<CompletableFuture<JsonNode>> parts = new ArrayList<>();
        message.forEach(m -> parts.add(single(m, session, false)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            ArrayNode replies = Replies.JSON.createArrayNode();
            parts.forEach(p -> {
                JsonNode r = p.join();
                if (r != null) replies.add(r);
            });
            return replies.isEmpty() ? null : replies;
        });
    }

    private CompletableFuture<JsonNode> single(JsonNode message, Session session, boolean initializeAllowed) {
        if (!message.isObject()) return invalid(null, "the message must be a JSON object");
        JsonNode id = message.get("id");
        boolean validId = id != null && (id.isTextual() || id.isIntegralNumber());
        if (!"2.0".equals(message.path("jsonrpc").asText(null))) {
            return invalid(validId ? id : null, "'jsonrpc' must be \"2.0\"");
        }
        JsonNode method = message.get("method");
        if (method == null) {
            // A response from the client (we send no requests of our own): nothing to answer.
            if (validId && (message.has("result") || message.has("error"))) return done(null);
            return invalid(validId ? id : null, "'method' is missing");
        }
        if (!method.isTextual()) return invalid(validId ? id : null, "'method' must be a string");
        if (id != null && !validId) return invalid(null, "'id' must be a string or an integer");
        JsonNode params = message.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            return id == null ? done(null)
                    : done(Replies.error(id, JsonRpcError.INVALID_PARAMS, "Invalid params: 'params' must be an object", null));
        }
        ObjectNode paramsObject = params instanceof ObjectNode o ? o : Replies.object();
        Request request = new Request(id, method.asText(), paramsObject, session);
        if (id == null) return notification(request);
        if (!initializeAllowed && "initialize".equals(request.method())) {
            return invalid(id, "'initialize' cannot be part of a batch");
        }
        MethodHandler handler = requests.get(request.method());
        if (handler == null) {
            return done(Replies.error(id, JsonRpcError.METHOD_NOT_FOUND, "Method not found: " + request.method(), null));
        }
        return call(handler, request);
    }

    private CompletableFuture<JsonNode> call(MethodHandler handler, Request request) {
        long start = System.nanoTime();
        CompletableFuture<JsonNode> work;
        try {
            work = handler.handle(request);
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        String key = Request.key(request.id());
        request.session().track(key, work);
        return work.handle((result, failure) -> {
            request.session().untrack(key);
            if (failure == null) {
                logged(request, start, result != null && result.path("isError").asBoolean(false) ? "tool-error" : "ok");
                return Replies.result(request.id(), result);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            // The client cancelled: the spec says not to answer.
            if (cause instanceof CancellationException) {
                logged(request, start, "cancelled");
                return null;
            }
            JsonRpcError error = toError(cause);
            logged(request, start, "error:" + error.code());
            return Replies.error(request.id(), error);
        });
    }

    /** The request's log line: the tool, resource or prompt it named, else the method. */
    private static void logged(Request request, long start, String status) {
        String unit = switch (request.method()) {
            case "tools/call", "prompts/get" -> request.params().path("name").asText(request.method());
            case "resources/read" -> request.params().path("uri").asText(request.method());
            default -> request.method();
        };
        int upstream = request.context().upstream() == null ? 0 : request.context().upstream().lastStatus();
        EventLog.request(request.context().requestId(), "mcp", unit, request.method(), null, status, upstream,
                System.nanoTime() - start);
    }

    private JsonRpcError toError(Throwable cause) {
        if (cause instanceof JsonRpcError e) return e;
        UnitFailure unit = UnitFailure.of(cause);
        if (unit.kind() == UnitFailure.Kind.BAD_INPUT) return JsonRpcError.invalidParams("Invalid params: " + unit.getMessage());
        return failureMapping.apply(cause);
    }

    private CompletableFuture<JsonNode> notification(Request request) {
        MethodHandler handler = notifications.get(request.method());
        if (handler != null) {
            try {
                handler.handle(request);
            } catch (RuntimeException ignored) {
                // Notifications never get an answer, not even an error.
            }
        }
        return done(null);
    }

    private static CompletableFuture<JsonNode> invalid(JsonNode id, String why) {
        return done(Replies.error(id, JsonRpcError.INVALID_REQUEST, "Invalid Request: " + why, null));
    }

    private static CompletableFuture<JsonNode> done(JsonNode reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
