package naftiko.mcp.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.lang.System.Logger.Level;
import java.util.Deque;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.mcp.ProtocolVersions;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.session.Session;
import naftiko.mcp.session.Sessions;

/**
 * The Streamable HTTP endpoint ({@code /mcp}, also {@code /}). The body is read with the async
 * receiver; the dispatch runs on a worker without waiting, and the answer is written when the
 * unit's future completes. No server-initiated stream: {@code GET} is 405.
 */
final class McpHttpHandler implements HttpHandler {

    static final HttpString SESSION_HEADER = new HttpString("Mcp-Session-Id");
    static final HttpString VERSION_HEADER = new HttpString("MCP-Protocol-Version");
    private static final System.Logger LOG = System.getLogger("naftiko.mcp");

    private final Dispatcher dispatcher;
    private final Sessions sessions;
    private final InboundAuth auth;
    private final boolean loopback;
    private final long maxBodyBytes;
    private final ProtectedResourceMetadata metadata;

    McpHttpHandler(Dispatcher dispatcher, Sessions sessions, InboundAuth auth, boolean loopback, long maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.auth = auth;
        this.loopback = loopback;
        this.maxBodyBytes = maxBodyBytes;
        this.metadata = auth == null ? null : auth.protectedResourceMetadata();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        if (metadata != null && metadata.serves(path)) {
            serveMetadata(exchange);
            return;
        }
        if (!path.equals("/mcp") && !path.equals("/mcp/") && !path.equals("/")) {
            HttpReplies.refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: the MCP endpoint is /mcp");
            return;
        }
        if (loopback) {
            String reason = LoopbackGuard.check(header(exchange, Headers.HOST), header(exchange, Headers.ORIGIN));
            if (reason != null) {
                HttpReplies.refuse(exchange, StatusCodes.FORBIDDEN, "Forbidden: " + reason);
                return;
            }
        }
        if (auth != null) {
            CompletableFuture<InboundAuth.Verdict> pending =
                    auth.checkAsync(name -> header(exchange, new HttpString(name)), name -> query(exchange, name));
            if (pending.isDone()) {
                authenticated(exchange, pending.join());
            } else { // oauth2 keys being fetched: resume the exchange when they are here
                exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pending.whenComplete((verdict, failure) ->
                        Connectors.executeRootHandler(ex -> authenticated(ex, verdict), exchange)));
            }
            return;
        }
        serve(exchange);
    }

    private void authenticated(HttpServerExchange exchange, InboundAuth.Verdict verdict) {
        if (!verdict.accepted()) {
            if (verdict.challenge() != null) exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, verdict.challenge());
            String title = switch (verdict.status()) {
                case 403 -> "Forbidden: ";
                case 503 -> "Service Unavailable: ";
                default -> "Unauthorized: ";
            };
            HttpReplies.refuse(exchange, verdict.status(), title + verdict.reason());
            return;
        }
        serve(exchange);
    }

    /** RFC 9728 protected-resource metadata, served without authentication (oauth2 only). */
    private void serveMetadata(HttpServerExchange exchange) {
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            HttpReplies.refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED, "Method Not Allowed: use GET");
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, metadata.body().length);
        if (method.equals(Methods.HEAD)) exchange.endExchange();
        else exchange.getResponseSender().send(ByteBuffer.wrap(metadata.body()));
    }

    private void serve(HttpServerExchange exchange) {
        String version = header(exchange, VERSION_HEADER);
        if (version != null && !ProtocolVersions.isSupported(version)) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, "Bad Request: unsupported MCP-Protocol-Version '"
                    + version + "' (supported: " + String.join(", ", ProtocolVersions.SUPPORTED) + ")");
            return;
        }
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.POST)) {
            post(exchange, version);
        } else if (method.equals(Methods.DELETE)) {
            delete(exchange);
        } else {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST, DELETE");
            HttpReplies.refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED,
                    "Method Not Allowed: this server opens no server-initiated stream; use POST");
        }
    }

    private void delete(HttpServerExchange exchange) {
        String id = header(exchange, SESSION_HEADER);
        if (id == null) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, "Bad Request: Mcp-Session-Id header is required");
        } else if (sessions.end(id)) {
            HttpReplies.empty(exchange, StatusCodes.NO_CONTENT);
        } else {
            HttpReplies.refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: unknown or ended session");
        }
    }

    private void post(HttpServerExchange exchange, String version) {
        Accept accept = Accept.of(header(exchange, Headers.ACCEPT));
        if (!accept.json() && !accept.eventStream()) {
            HttpReplies.refuse(exchange, StatusCodes.NOT_ACCEPTABLE,
                    "Not Acceptable: the client must accept application/json or text/event-stream");
            return;
        }
        String contentType = header(exchange, Headers.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            HttpReplies.refuse(exchange, StatusCodes.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported Media Type: send JSON-RPC as application/json");
            return;
        }
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            HttpReplies.refuse(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        exchange.setMaxEntitySize(maxBodyBytes);
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> ex.dispatch(ex.getConnection().getWorker(), () -> safely(ex, body, version, accept)),
                (ex, error) -> {
                    if (error instanceof RequestTooBigException) {
                        HttpReplies.refuse(ex, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLarge());
                    } else {
                        ex.setStatusCode(StatusCodes.BAD_REQUEST);
                        ex.endExchange();
                    }
                });
    }

    /** Never leaves an exchange open: a bug in dispatch becomes a logged 500. */
    private void safely(HttpServerExchange exchange, byte[] body, String version, Accept accept) {
        try {
            process(exchange, body, version, accept);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "MCP request failed", e);
            if (!exchange.isResponseStarted()) {
                HttpReplies.refuse(exchange, StatusCodes.INTERNAL_SERVER_ERROR, JsonRpcError.INTERNAL_ERROR, "Internal error");
            }
        }
    }

    private void process(HttpServerExchange exchange, byte[] body, String headerVersion, Accept accept) {
        JsonNode message;
        try {
            message = Dispatcher.parse(body);
        } catch (JsonRpcError e) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, e.code(), e.getMessage());
            return;
        }
        boolean initialize = Dispatcher.isInitialize(message);
        Session session;
        if (initialize) {
            session = sessions.open(headerVersion);
        } else {
            String id = header(exchange, SESSION_HEADER);
            if (id == null) {
                HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST,
                        "Bad Request: Mcp-Session-Id header is required (send initialize first)");
                return;
            }
            Sessions.Lookup lookup = sessions.find(id, headerVersion);
            if (lookup.status() != Sessions.Status.OK) {
                HttpReplies.refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: unknown or ended session; initialize again");
                return;
            }
            session = lookup.session();
        }
        String version = headerVersion != null ? headerVersion
                : session.protocolVersion() != null ? session.protocolVersion() : ProtocolVersions.WITHOUT_HEADER;
        dispatcher.dispatch(message, session, version).whenComplete((reply, failure) -> {
            if (failure != null) {
                LOG.log(Level.ERROR, "MCP dispatch failed", failure);
                HttpReplies.refuse(exchange, StatusCodes.INTERNAL_SERVER_ERROR, JsonRpcError.INTERNAL_ERROR, "Internal error");
            } else if (reply == null) {
                HttpReplies.empty(exchange, StatusCodes.ACCEPTED);
            } else {
                if (initialize && !reply.has("error")) exchange.getResponseHeaders().put(SESSION_HEADER, session.id());
                // A message the server could not accept at all (no usable id) is an HTTP 400, as the
                // transport asks; errors answering a well-formed request stay 200.
                boolean refused = reply.isObject() && reply.has("error") && reply.path("id").isNull();
                HttpReplies.message(exchange, refused ? StatusCodes.BAD_REQUEST : StatusCodes.OK, reply, !accept.json());
            }
        });
    }

    private String tooLarge() {
        return "Payload Too Large: the body exceeds " + maxBodyBytes + " bytes";
    }

    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static String header(HttpServerExchange exchange, HttpString name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> v = exchange.getQueryParameters().get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /** What the client's Accept header allows; a missing header allows JSON. */
    record Accept(boolean json, boolean eventStream) {
        static Accept of(String header) {
            if (header == null || header.isBlank()) return new Accept(true, false);
            boolean json = false;
            boolean events = false;
            for (String part : header.split(",")) {
                String type = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
                switch (type) {
                    case "application/json", "application/*", "*/*" -> json = true;
                    case "text/event-stream", "text/*" -> events = true;
                    default -> { }
                }
            }
            return new Accept(json, events);
        }
    }
}
