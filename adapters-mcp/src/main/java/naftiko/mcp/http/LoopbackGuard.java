package naftiko.mcp.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection for servers bound to a loopback address: the {@code Host} must name the
 * local machine (any port), and an {@code Origin}, when sent, must be http(s) on the local machine.
 */
final class LoopbackGuard {
    private LoopbackGuard() {}

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** The last Host header found local: a client sends the same one on every request. */
    private static volatile String lastLocalHost = "";

    /** Null when the request may proceed, else the reason for a 403. */
    static String check(String host, String origin) {
        if (origin == null && host != null && host.equals(lastLocalHost)) return null;
        String reason = verdict(host, origin);
        if (reason == null && origin == null) lastLocalHost = host;
        return reason;
    }

    private static String verdict(String host, String origin) {
        if (host == null || !LOCAL_HOSTS.contains(hostName(host))) {
            return "Host header '" + (host == null ? "" : host) + "' is not a loopback name";
        }
        if (origin != null && !isLocalOrigin(origin)) return "Origin '" + origin + "' is not allowed";
        return null;
    }

    /** {@code host[:port]} → lower-case host; IPv6 literals keep their brackets. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isLocalOrigin(String origin) {
        try {
            URI uri = new URI(origin.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return false;
            if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) return false;
            String host = uri.getHost();
            if (host == null) return false;
            host = host.toLowerCase(Locale.ROOT);
            if (host.equals("::1")) host = "[::1]";
            return LOCAL_HOSTS.contains(host);
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
