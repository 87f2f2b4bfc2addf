package naftiko.engine.upstream.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * https upstreams against a local TLS server whose self-signed certificate names only
 * {@code localhost}: untrusted it fails, trusted it works for {@code localhost} and fails for
 * {@code 127.0.0.1} (host name verification).
 */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static KeyStore keys;
    private static SSLServerSocket server;
    private static Thread serving;

    @BeforeAll
    static void serve() throws Exception {
        Path store = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serving = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(5000);
                    s.startHandshake();
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    // a refused handshake: the client's doing
                }
            }
        }, "tls-upstream");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        serving.join(5000);
    }

    @AfterEach
    void defaultTrust() {
        Tls.use(null);
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("localhost", keys.getCertificate("localhost"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }

    /** The body as text, or the failure. */
    private static Object call(String host) {
        UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(10));
        try {
            return new String(c.send(new UpstreamRequest("GET", "https://" + host + ":" + server.getLocalPort() + "/", Map.of(), null, null),
                    null, null).get(15, TimeUnit.SECONDS).body(), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            return UnitFailure.of(e);
        }
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() {
        Object r = call("localhost");
        assertThat(r).isInstanceOf(UnitFailure.class);
        assertThat(((UnitFailure) r).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TLS);
        assertThat(((UnitFailure) r).getMessage()).isEqualTo("upstream 'ns': TLS handshake failed");
    }

    @Test
    void aTrustedCertificateForTheHostWorks() throws Exception {
        Tls.use(trustingTheTestCertificate());
        assertThat(call("localhost")).isEqualTo("ok");
    }

    @Test
    void aTrustedCertificateForAnotherHostIsATlsFailure() throws Exception {
        Tls.use(trustingTheTestCertificate());
        Object r = call("127.0.0.1");
        assertThat(r).isInstanceOf(UnitFailure.class);
        assertThat(((UnitFailure) r).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TLS);
    }
}
