package naftiko.engine.upstream.transport;

import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.xnio.XnioIoThread;

/**
 * HTTP/1.1 to upstreams on Undertow's client, on XNIO I/O threads. Called on an I/O thread (the REST
 * server's), the whole call runs on that thread, on its own keep-alive connections, and the future
 * completes there: no hand-off. Called from any other thread, it hops once onto one of the engine's
 * I/O threads ({@link IoThreads}) and completes there. Redirects are never followed (a 3xx is an
 * answer like any other) and nothing is decompressed.
 */
public final class HttpTransport {
    /** An answer: status, headers as received, the whole body. */
    public record Reply(int status, HeaderMap headers, byte[] body) {}

    /**
     * Undertow's client traces every request header value (credentials included) at TRACE under this
     * logger: never let it, whatever level the rest of the logging runs at. Held strongly, as
     * java.util.logging forgets the level of a logger that is collected.
     */
    private static final java.util.logging.Logger HEADER_TRACE = java.util.logging.Logger.getLogger("io.undertow.client.request");

    static {
        HEADER_TRACE.setLevel(java.util.logging.Level.INFO);
    }

    private HttpTransport() {}

    /**
     * Sends one request. Fails with a {@link TransportFailure}.
     *
     * @param uri        absolute http or https URI; its raw path and query are sent as they are
     * @param headers    request headers as sent (Host is added); a body needs its Content-Length here
     * @param body       body bytes, or null
     * @param idempotent the call may be sent again when a reused connection fails before any answer
     * @param timeout    budget for the whole call, connection included
     */
    public static CompletableFuture<Reply> send(String method, URI uri, HeaderMap headers, byte[] body, boolean idempotent,
                                                long maxBytes, Duration connectTimeout, Duration timeout) {
        String path = uri.getRawPath();
        String target = (path == null || path.isEmpty() ? "/" : path) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return send(method, uri, target, headers, body, idempotent, maxBytes, connectTimeout, timeout);
    }

    /**
     * As {@link #send(String, URI, HeaderMap, byte[], boolean, long, Duration, Duration)} with the
     * request target already split off: {@code origin}'s scheme, host and port pick the connection
     * (its path is ignored), {@code target} ({@code /path?query}, raw) goes on the request line.
     */
    public static CompletableFuture<Reply> send(String method, URI origin, String target, HeaderMap headers, byte[] body,
                                                boolean idempotent, long maxBytes, Duration connectTimeout, Duration timeout) {
        String scheme = origin.getScheme();
        if (origin.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("not an http or https URL with a host");
        }
        CompletableFuture<Reply> out = new CompletableFuture<>();
        Origin where = Origin.of(origin);
        XnioIoThread thread = IoThreads.forCaller(where);
        Transfer transfer = new Transfer(thread, where, HttpString.tryFromString(method), target, headers, body, idempotent,
                maxBytes, connectTimeout, out);
        long nanos = timeout.toNanos();
        if (Thread.currentThread() == thread) {
            start(transfer, nanos, out);
        } else {
            thread.execute(() -> start(transfer, nanos, out));
        }
        return out;
    }

    private static void start(Transfer transfer, long nanos, CompletableFuture<Reply> out) {
        try {
            transfer.start(nanos);
        } catch (RuntimeException e) {
            out.completeExceptionally(TransportFailure.ofExchange(e));
        }
    }
}
