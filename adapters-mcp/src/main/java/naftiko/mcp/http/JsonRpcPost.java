package naftiko.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.lang.System.Logger.Level;
import naftiko.mcp.ProtocolVersions;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.session.Session;
import naftiko.mcp.session.Sessions;

/**
 * A POSTed JSON-RPC message or batch, once its body is read: parse, session, dispatch, reply.
 *
 * <p>Threads: the dispatch runs on the connection's I/O thread (method handlers are asynchronous
 * and never wait), except for messages whose handler may block ({@link Dispatcher#mayBlock}),
 * which go to the XNIO worker pool. The reply is always written on the exchange's I/O thread:
 * directly when the dispatch completes there, else handed to it with {@code execute} (writing
 * from another thread makes the I/O thread spin while that thread finishes the exchange).
 */
final class JsonRpcPost {

    private static final System.Logger LOG = System.getLogger("naftiko.mcp");

    private final Sessions sessions;

    JsonRpcPost(Sessions sessions) {
        this.sessions = sessions;
    }

    /** Called by the body receiver (on the I/O thread, or wherever the exchange was resumed). */
    void received(HttpServerExchange exchange, byte[] body, String version, McpHttpHandler.Accept accept,
                  Dispatcher dispatcher) {
        JsonNode message;
        try {
            message = Dispatcher.parse(body);
        } catch (JsonRpcError e) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, e.code(), e.getMessage());
            return;
        }
        Runnable task = () -> safely(exchange, message, version, accept, dispatcher);
        if (dispatcher.mayBlock(message)) {
            exchange.dispatch(exchange.getConnection().getWorker(), task);
        } else {
            exchange.dispatch(SameThreadExecutor.INSTANCE, task);
        }
    }

    /** Never leaves an exchange open: a bug in dispatch becomes a logged 500. */
    private void safely(HttpServerExchange exchange, JsonNode message, String version, McpHttpHandler.Accept accept,
                        Dispatcher dispatcher) {
        try {
            process(exchange, message, version, accept, dispatcher);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "MCP request failed", e);
            onIoThread(exchange, () -> {
                if (!exchange.isResponseStarted()) {
                    HttpReplies.refuse(exchange, StatusCodes.INTERNAL_SERVER_ERROR, JsonRpcError.INTERNAL_ERROR,
                            "Internal error");
                }
            });
        }
    }

    private void process(HttpServerExchange exchange, JsonNode message, String headerVersion,
                         McpHttpHandler.Accept accept, Dispatcher dispatcher) {
        boolean initialize = Dispatcher.isInitialize(message);
        Session session;
        if (initialize) {
            session = sessions.open(headerVersion);
        } else {
            String id = exchange.getRequestHeaders().getFirst(McpHttpHandler.SESSION_HEADER);
            if (id == null) {
                refuse(exchange, StatusCodes.BAD_REQUEST, "Bad Request: Mcp-Session-Id header is required (send initialize first)");
                return;
            }
            Sessions.Lookup lookup = sessions.find(id, headerVersion);
            if (lookup.status() != Sessions.Status.OK) {
                refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: unknown or ended session; initialize again");
                return;
            }
            session = lookup.session();
        }
        String version = headerVersion != null ? headerVersion
                : session.protocolVersion() != null ? session.protocolVersion() : ProtocolVersions.WITHOUT_HEADER;
        dispatcher.dispatch(message, session, version).whenComplete((reply, failure) -> {
            if (exchange.isInIoThread()) {
                answer(exchange, reply, failure, initialize ? session : null, accept);
            } else {
                exchange.getIoThread().execute(() -> answer(exchange, reply, failure, initialize ? session : null, accept));
            }
        });
    }

    /** Writes the dispatch's outcome; on the exchange's I/O thread. */
    private static void answer(HttpServerExchange exchange, JsonNode reply, Throwable failure, Session opened,
                               McpHttpHandler.Accept accept) {
        if (failure != null) {
            LOG.log(Level.ERROR, "MCP dispatch failed", failure);
            HttpReplies.refuse(exchange, StatusCodes.INTERNAL_SERVER_ERROR, JsonRpcError.INTERNAL_ERROR, "Internal error");
        } else if (reply == null) {
            HttpReplies.empty(exchange, StatusCodes.ACCEPTED);
        } else {
            if (opened != null && !reply.has("error")) {
                exchange.getResponseHeaders().put(McpHttpHandler.SESSION_HEADER, opened.id());
            }
            // A message the server could not accept at all (no usable id) is an HTTP 400, as the
            // transport asks; errors answering a well-formed request stay 200.
            boolean refused = reply.isObject() && reply.has("error") && reply.path("id").isNull();
            HttpReplies.message(exchange, refused ? StatusCodes.BAD_REQUEST : StatusCodes.OK, reply, !accept.json());
        }
    }

    private static void refuse(HttpServerExchange exchange, int status, String message) {
        onIoThread(exchange, () -> HttpReplies.refuse(exchange, status, message));
    }

    private static void onIoThread(HttpServerExchange exchange, Runnable write) {
        if (exchange.isInIoThread()) write.run();
        else exchange.getIoThread().execute(write);
    }
}
