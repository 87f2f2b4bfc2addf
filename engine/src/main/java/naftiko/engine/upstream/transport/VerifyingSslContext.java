package naftiko.engine.upstream.transport;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An initialised {@link SSLContext} whose engines verify the server's host name against its
 * certificate ({@code HTTPS} endpoint identification, RFC 2818) and send SNI. XNIO creates the
 * client engines with the peer's host and port; without this, a valid certificate for any other host
 * would be accepted.
 */
final class VerifyingSslContext extends SSLContext {

    VerifyingSslContext(SSLContext delegate) {
        super(new Spi(delegate), delegate.getProvider(), delegate.getProtocol());
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext delegate;

        Spi(SSLContext delegate) {
            this.delegate = delegate;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return delegate.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return delegate.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            // no peer host: endpoint identification then fails the handshake, which is the safe outcome
            return verifying(delegate.createSSLEngine(), null);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return verifying(delegate.createSSLEngine(host, port), host);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return delegate.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return delegate.getClientSessionContext();
        }

        private static SSLEngine verifying(SSLEngine engine, String host) {
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (host != null && !host.isEmpty() && !isAddressLiteral(host)) {
                try {
                    p.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException e) {
                    // not a valid DNS name for SNI (e.g. an underscore): verification still applies
                }
            }
            engine.setSSLParameters(p);
            return engine;
        }

        private static boolean isAddressLiteral(String host) {
            return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        }
    }
}
