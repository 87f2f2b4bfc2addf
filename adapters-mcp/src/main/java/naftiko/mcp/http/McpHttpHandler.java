package naftiko.mcp.http;

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
import naftiko.mcp.session.Sessions;

/**
 * The Streamable HTTP endpoints of one server ({@code /mcp/<namespace>}, and {@code /mcp}, also
 * {@code /}, see {@link McpRoutes}). The body is read with the async receiver, then
 * {@link JsonRpcPost} dispatches it and writes the answer when the unit's future completes. {@code GET}
 * with a session opens the server-initiated SSE stream, which only carries
 * {@code notifications/tools/list_changed}. One request log line per POST.
 */
final class McpHttpHandler implements HttpHandler {

    static final HttpString SESSION_HEADER = new HttpString("Mcp-Session-Id");
    static final HttpString VERSION_HEADER = new HttpString("MCP-Protocol-Version");
    private static final System.Logger LOG = System.getLogger("naftiko.mcp");

    private final McpRoutes routes;
    private final EventStreams streams;
    private final Sessions sessions;
    private final boolean loopback;
    private final long maxBodyBytes;
    private final JsonRpcPost messages;

    McpHttpHandler(McpRoutes routes, EventStreams streams, Sessions sessions, boolean loopback, long maxBodyBytes) {
        this.routes = routes;
        this.streams = streams;
        this.sessions = sessions;
        this.loopback = loopback;
        this.maxBodyBytes = maxBodyBytes;
        this.messages = new JsonRpcPost(sessions);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        ProtectedResourceMetadata metadata = routes.metadataAt(path);
        if (metadata != null) {
            serveMetadata(exchange, metadata);
            return;
        }
        McpRoutes.Route route = routes.find(path);
        if (route == null) {
            HttpReplies.refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: the MCP endpoints here are "
                    + String.join(", ", routes.paths().stream().filter(p -> !p.equals("/")).sorted().toList()));
            return;
        }
        if (loopback) {
            String reason = LoopbackGuard.check(header(exchange, Headers.HOST), header(exchange, Headers.ORIGIN));
            if (reason != null) {
                HttpReplies.refuse(exchange, StatusCodes.FORBIDDEN, "Forbidden: " + reason);
                return;
            }
        }
        InboundAuth auth = route.auth();
        if (auth != null) {
            CompletableFuture<InboundAuth.Verdict> pending =
                    auth.checkAsync(name -> header(exchange, new HttpString(name)), name -> query(exchange, name));
            if (pending.isDone()) {
                authenticated(exchange, pending.join(), route, path);
            } else { // oauth2 keys being fetched: resume the exchange when they are here
                exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pending.whenComplete((verdict, failure) ->
                        Connectors.executeRootHandler(ex -> authenticated(ex, verdict, route, path), exchange)));
            }
            return;
        }
        serve(exchange, route, path);
    }

    private void authenticated(HttpServerExchange exchange, InboundAuth.Verdict verdict, McpRoutes.Route route, String path) {
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
        serve(exchange, route, path);
    }

    /** RFC 9728 protected-resource metadata, served without authentication (oauth2 only). */
    private static void serveMetadata(HttpServerExchange exchange, ProtectedResourceMetadata metadata) {
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

    private void serve(HttpServerExchange exchange, McpRoutes.Route route, String path) {
        String version = header(exchange, VERSION_HEADER);
        if (version != null && !ProtocolVersions.isSupported(version)) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, "Bad Request: unsupported MCP-Protocol-Version '"
                    + version + "' (supported: " + String.join(", ", ProtocolVersions.SUPPORTED) + ")");
            return;
        }
        HttpString method = exchange.getRequestMethod();
        if (method.equals(Methods.POST)) {
            post(exchange, version, route.dispatcher());
        } else if (method.equals(Methods.DELETE)) {
            delete(exchange);
        } else if (method.equals(Methods.GET)) {
            stream(exchange, path);
        } else {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, POST, DELETE");
            HttpReplies.refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED, "Method Not Allowed: use POST, GET or DELETE");
        }
    }

    /** GET: the session's server-to-client stream of notifications (text/event-stream). */
    private void stream(HttpServerExchange exchange, String path) {
        if (!Accept.of(header(exchange, Headers.ACCEPT)).eventStream()) {
            HttpReplies.refuse(exchange, StatusCodes.NOT_ACCEPTABLE, "Not Acceptable: GET opens a text/event-stream");
            return;
        }
        String id = header(exchange, SESSION_HEADER);
        if (id == null) {
            HttpReplies.refuse(exchange, StatusCodes.BAD_REQUEST, "Bad Request: Mcp-Session-Id header is required");
            return;
        }
        if (sessions.find(id, header(exchange, VERSION_HEADER)).status() != Sessions.Status.OK) {
            HttpReplies.refuse(exchange, StatusCodes.NOT_FOUND, "Not Found: unknown or ended session; initialize again");
            return;
        }
        String key = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        try {
            streams.handler(key).handleRequest(exchange);
        } catch (Exception e) {
            LOG.log(Level.ERROR, "MCP event stream failed", e);
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

    private void post(HttpServerExchange exchange, String version, Dispatcher dispatcher) {
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
        WholeBody.receive(exchange,
                (ex, body) -> messages.received(ex, body, version, accept, dispatcher),
                (ex, error) -> {
                    if (error instanceof RequestTooBigException) {
                        HttpReplies.refuse(ex, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLarge());
                    } else {
                        ex.setStatusCode(StatusCodes.BAD_REQUEST);
                        ex.endExchange();
                    }
                });
    }

    private String tooLarge() {
        return "Payload Too Large: the body exceeds " + maxBodyBytes + " bytes";
    }

    private static boolean isJson(String contentType) {
        if (contentType.equals(HttpReplies.JSON)) return true;
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

        /** The last header parsed and its verdict: a client sends the same Accept on every request. */
        private record Parsed(String header, Accept accept) {}

        private static volatile Parsed last = new Parsed("", new Accept(true, false));

        static Accept of(String header) {
            if (header == null || header.isBlank()) return new Accept(true, false);
            Parsed p = last;
            if (p.header().equals(header)) return p.accept();
            Accept accept = parse(header);
            last = new Parsed(header, accept);
            return accept;
        }

        private static Accept parse(String header) {
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
