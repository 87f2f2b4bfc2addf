package naftiko.engine.upstream.transport;

import java.net.URI;
import java.util.Locale;

/**
 * Where connections go: scheme, host and port (both lower-cased, the port always explicit).
 * Pooled connections are shared per origin.
 */
record Origin(String scheme, String host, int port, String hostHeader) {

    static Origin of(URI target) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        int port = target.getPort() != -1 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        String host = target.getHost().toLowerCase(Locale.ROOT);
        return new Origin(scheme, host, port, target.getPort() == -1 ? host : host + ":" + port);
    }

    boolean https() {
        return scheme.equals("https");
    }

    /** The URI Undertow connects to (only built for a new connection). */
    URI connectUri() {
        return URI.create(scheme + "://" + host + ":" + port);
    }

    /** The host without IPv6 brackets, as a name service takes it. */
    String lookupHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** An IPv4 or IPv6 literal: nothing to look up. */
    boolean isAddressLiteral() {
        if (host.startsWith("[")) return true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) return false;
        }
        return true;
    }
}
