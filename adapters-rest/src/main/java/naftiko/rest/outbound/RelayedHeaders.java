package naftiko.rest.outbound;

import java.util.Locale;
import java.util.Set;

/**
 * Which upstream response headers reach the client. Everything useful is kept (Link, ETag,
 * Last-Modified, Retry-After, Cache-Control, X-RateLimit-*, Location...). Dropped: hop-by-hop
 * headers (RFC 9110 §7.6.1), framing we set ourselves, cookies (the upstream's session is the
 * gateway's, not the client's), the upstream's auth challenges (they concern the gateway's own
 * credentials), and headers that describe the upstream server rather than the resource.
 */
public final class RelayedHeaders {

    private static final Set<String> DROPPED = Set.of(
            "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
            "proxy-authenticate", "proxy-authorization", "proxy-connection",
            "content-length", "content-type", "set-cookie", "set-cookie2",
            "www-authenticate", "x-request-id", "server", "date", "alt-svc");

    /** Describe the exact upstream bytes; wrong once the body was reshaped. */
    private static final Set<String> REPRESENTATION = Set.of(
            "content-encoding", "content-md5", "digest", "content-digest", "repr-digest",
            "content-range", "accept-ranges", "etag");

    private RelayedHeaders() {}

    /**
     * @param name     the upstream header name
     * @param reshaped true when the body is a shaped JSON tree rather than the upstream bytes
     */
    public static boolean relay(String name, boolean reshaped) {
        String n = name.toLowerCase(Locale.ROOT);
        if (DROPPED.contains(n) || n.startsWith("proxy-")) return false;
        return !(reshaped && REPRESENTATION.contains(n));
    }
}
