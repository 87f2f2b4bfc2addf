package naftiko.engine.upstream.transport;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.xnio.OptionMap;
import org.xnio.Xnio;
import org.xnio.ssl.XnioSsl;

/**
 * TLS for https upstreams: the JDK default trust (cacerts, or {@code javax.net.ssl.trustStore}) with
 * host name verification. Loaded on the first https connection only, off the I/O threads: the
 * default context costs about half a second, which start-up should not pay.
 */
final class Tls {
    private static volatile XnioSsl ssl;
    private static volatile SSLContext context;

    private Tls() {}

    static boolean ready() {
        return ssl != null;
    }

    /** The TLS layer; the first call loads it (blocking: call it on {@link IoThreads#blocking()}). */
    static XnioSsl ssl() {
        XnioSsl s = ssl;
        if (s != null) return s;
        synchronized (Tls.class) {
            if (ssl == null) {
                try {
                    use(SSLContext.getDefault());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("no default TLS context in this JVM", e);
                }
            }
            return ssl;
        }
    }

    /** Tests: trust what {@code context} trusts (still with host name verification); null: back to the default. */
    static void use(SSLContext context) {
        Tls.context = context;
        ssl = context == null ? null : forContext(context);
    }

    /** A layer for one new connection that tells whether its handshake completed. */
    static HandshakeWatch watched() {
        XnioSsl s = ssl();
        return new HandshakeWatch(s, context);
    }

    private static XnioSsl forContext(SSLContext context) {
        return new io.undertow.protocols.ssl.UndertowXnioSsl(Xnio.getInstance(), OptionMap.EMPTY, new VerifyingSslContext(context));
    }
}
