package naftiko.engine.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.testing.FakeUpstream;
import org.junit.jupiter.api.Test;

class UpstreamClientTest {
    @Test
    void sendsHeadersBodyUserAgentAndRequestIdAndRelaysResponseHeaders() throws Exception {
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(FakeUpstream.Reply.json(201, "{\"a\":1}").withHeader("X-Rate", "9"));
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(1), Duration.ofSeconds(5));
            Map<String, List<String>> h = new LinkedHashMap<>();
            h.put("X-Multi", List.of("a", "b"));
            h.put("Content-Type", List.of("application/json"));
            UpstreamResponse r = c.send(new UpstreamRequest("PUT", up.baseUri() + "/x?y=1", h, "{}".getBytes(), "application/json"),
                    null, "rid-7").get(5, TimeUnit.SECONDS);
            FakeUpstream.Recorded rec = up.single();
            assertThat(rec.method()).isEqualTo("PUT");
            assertThat(rec.target()).isEqualTo("/x?y=1");
            assertThat(rec.headers().get("x-multi")).containsExactly("a", "b");
            assertThat(rec.header("x-request-id")).isEqualTo("rid-7");
            assertThat(rec.header("user-agent")).isEqualTo("naftiko/" + EngineVersion.current());
            assertThat(rec.bodyText()).isEqualTo("{}");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.contentType()).isEqualTo("application/json");
            assertThat(r.headers().get("x-rate")).containsExactly("9");
            assertThat(r.headers()).doesNotContainKey("content-length");
            assertThat(rec.headers()).doesNotContainKeys("upgrade", "http2-settings");
        }
    }

    @Test
    void oversizedBodyIsUpstreamTooLarge() {
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(FakeUpstream.Reply.text(200, "text/plain", "x".repeat(5000)));
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(1), Duration.ofSeconds(5), 1000);
            assertThatThrownBy(() -> c.send(new UpstreamRequest("GET", up.baseUri() + "/", Map.of(), null, null), null, null)
                    .get(5, TimeUnit.SECONDS))
                    .cause().isInstanceOf(UnitFailure.class)
                    .satisfies(e -> assertThat(((UnitFailure) e).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TOO_LARGE));
        }
    }

    /** A raw server that answers every connection with {@code reply} (maybe nothing) and closes it. */
    static java.net.ServerSocket rawServer(String reply) throws Exception {
        java.net.ServerSocket s = new java.net.ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try (java.net.Socket sock = s.accept()) {
                    sock.getInputStream().read(new byte[4096]);
                    sock.getOutputStream().write(reply.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    sock.getOutputStream().flush();
                } catch (java.io.IOException ignored) {
                    // closing is the point
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s;
    }

    @Test
    void tlsHandshakeFailureIsUpstreamTls() throws Exception {
        try (java.net.ServerSocket s = rawServer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThatThrownBy(() -> c.send(new UpstreamRequest("GET", "https://127.0.0.1:" + s.getLocalPort() + "/", Map.of(), null, null),
                    null, null).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(UnitFailure.class)
                    .satisfies(e -> assertThat(((UnitFailure) e).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TLS))
                    .hasMessage("upstream 'ns': TLS handshake failed");
        }
    }

    @Test
    void aServerThatClosesWithoutAnsweringIsAProtocolFailure() throws Exception {
        try (java.net.ServerSocket s = rawServer("")) {
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
            assertThatThrownBy(() -> c.send(new UpstreamRequest("GET", "http://127.0.0.1:" + s.getLocalPort() + "/", Map.of(), null, null),
                    null, null).get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(UnitFailure.class)
                    .satisfies(e -> assertThat(((UnitFailure) e).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_PROTOCOL))
                    .hasMessage("upstream 'ns' broke the HTTP exchange");
        }
    }

    @Test
    void digestChallengeAnswerFollowsRfc7616() {
        DigestChallenge ch = DigestChallenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        String a = ch.answer("GET", java.net.URI.create("http://h/dir/index.html"), "Mufasa", "Circle Of Life", "0a4f113b");
        // the RFC 2617 §3.5 worked example
        assertThat(a).contains("response=\"6629fae49393a05397450978507c4ef1\"").contains("qop=auth").contains("nc=00000001")
                .contains("cnonce=\"0a4f113b\"").contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"").contains("uri=\"/dir/index.html\"");
        assertThat(DigestChallenge.parse("Basic realm=\"x\"")).isNull();
    }
}
