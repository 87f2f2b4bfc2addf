package naftiko.engine.upstream.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Why an upstream exchange failed, as the transport saw it; the client turns it into a user-facing failure. */
public final class TransportFailure extends IOException {
    public enum Reason {
        /** The TCP connection (or the name lookup before it) did not complete within the connect timeout. */
        CONNECT_TIMEOUT,
        /** The exchange did not complete within its time budget. */
        TIMEOUT,
        /** Refused, unresolvable or unroutable host. */
        UNREACHABLE,
        /** TLS handshake or certificate failure (including a host name that the certificate does not cover). */
        TLS,
        /** The connection broke or the upstream did not speak HTTP/1.1. */
        PROTOCOL,
        /** The body is larger than the response size limit. */
        TOO_LARGE
    }

    private final Reason reason;

    public TransportFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Expected outcomes of talking to a network: the reason and the cause say it all, no stack needed. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public Reason reason() {
        return reason;
    }

    /** Types a failure reported while connecting. */
    static TransportFailure ofConnect(Throwable t) {
        if (t instanceof TransportFailure f) return f;
        if (hasTls(t)) return new TransportFailure(Reason.TLS, "TLS handshake failed", t);
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException || c instanceof UnknownHostException
                    || c instanceof UnresolvedAddressException) {
                return new TransportFailure(Reason.UNREACHABLE, "unreachable", t);
            }
        }
        return new TransportFailure(Reason.PROTOCOL, "connection failed", t);
    }

    /** Types a failure reported during an exchange on an open connection. */
    static TransportFailure ofExchange(Throwable t) {
        if (t instanceof TransportFailure f) return f;
        if (hasTls(t)) return new TransportFailure(Reason.TLS, "TLS handshake failed", t);
        return new TransportFailure(Reason.PROTOCOL, "broken exchange", t);
    }

    private static boolean hasTls(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SSLException) return true;
        }
        return false;
    }
}
