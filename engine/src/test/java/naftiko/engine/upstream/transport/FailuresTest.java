package naftiko.engine.upstream.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import org.junit.jupiter.api.Test;

/** Size limits, timeouts and refused input, each typed as the failure a person can act on. */
class FailuresTest {

    private static UnitFailure failure(UpstreamClient c, UpstreamRequest r) {
        Throwable t = catchThrowable(() -> c.send(r, null, null).get(15, TimeUnit.SECONDS));
        assertThat(t).isNotNull();
        return UnitFailure.of(t);
    }

    private static UpstreamRequest get(String url) {
        return new UpstreamRequest("GET", url, Map.of(), null, null);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedAndTheNextCallStillWorks() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            up.answer(s -> s.head().startsWith("GET /big")
                    ? RawUpstream.Answer.of("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(5000))
                    : RawUpstream.Answer.json("{}"));
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5), 1000);
            UnitFailure f = failure(c, get(up.baseUri() + "/big"));
            assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TOO_LARGE);
            assertThat(f.getMessage()).isEqualTo("upstream 'ns' answered a body larger than 1000 bytes, the response size limit "
                    + "(NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
            assertThat(c.send(get(up.baseUri() + "/small"), null, null).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(up.connections()).isEqualTo(2); // the refused body's connection was closed, not reused
        }
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsCut() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            String chunk = "x".repeat(600);
            up.answer(s -> RawUpstream.Answer.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n"));
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5), 1000);
            assertThat(failure(c, get(up.baseUri() + "/")).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TOO_LARGE);
            UpstreamClient roomy = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5), 1200);
            assertThat(roomy.send(get(up.baseUri() + "/"), null, null).get(5, TimeUnit.SECONDS).body()).hasSize(1200);
        }
    }

    @Test
    void anUpstreamThatDoesNotAnswerTimesOut() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            up.answer(s -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return RawUpstream.Answer.json("{}");
            });
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofMillis(300));
            long start = System.nanoTime();
            UnitFailure f = failure(c, new UpstreamRequest("POST", up.baseUri() + "/", Map.of(), "{}".getBytes(), null));
            assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TIMEOUT);
            assertThat(f.getMessage()).isEqualTo("upstream 'ns' did not answer within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aTimedOutConnectionIsClosedNotReused() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            up.answer(s -> {
                if (s.head().startsWith("GET /slow")) {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return RawUpstream.Answer.json("{}");
            });
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofMillis(300));
            assertThat(failure(c, get(up.baseUri() + "/slow")).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TIMEOUT);
            assertThat(c.send(get(up.baseUri() + "/fast"), null, null).get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
            // the late answer to /slow never reaches the next call: it went out on its own connection
            assertThat(up.connections()).isEqualTo(2);
            assertThat(up.seen()).extracting(RawUpstream.Seen::connection).containsExactly(1, 2);
        }
    }

    /** A listening socket that never accepts, its backlog filled: further connections are not accepted. */
    @Test
    void anUpstreamThatDoesNotAcceptTheConnectionTimesOut() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 200);
                    } catch (java.io.IOException e) {
                        // the backlog is full already
                    }
                    fillers.add(s);
                }
                UpstreamClient c = new UpstreamClient("ns", Duration.ofMillis(300), Duration.ofSeconds(5));
                long start = System.nanoTime();
                UnitFailure f = failure(c, get("http://127.0.0.1:" + full.getLocalPort() + "/"));
                assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TIMEOUT);
                assertThat(f.getMessage()).isEqualTo("upstream 'ns' did not accept the connection in time");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4000));
            } finally {
                for (Socket s : fillers) s.close();
            }
        }
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
        UnitFailure f = failure(c, new UpstreamRequest("POST", "http://127.0.0.1:" + port + "/", Map.of(), null, null));
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNREACHABLE);
        assertThat(f.getMessage()).isEqualTo("upstream 'ns' is unreachable");
    }

    @Test
    void anUnresolvableHostIsUnreachable() {
        UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
        UnitFailure f = failure(c, new UpstreamRequest("POST", "http://no-such-host.invalid/", Map.of(), null, null));
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNREACHABLE);
    }

    @Test
    void aHeaderValueWithALineBreakIsRefusedBeforeSending() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
            UnitFailure f = failure(c, new UpstreamRequest("GET", up.baseUri() + "/", Map.of("X-A", List.of("a\r\nX-Injected: 1")), null, null));
            assertThat(f.kind()).isEqualTo(UnitFailure.Kind.BAD_INPUT);
            assertThat(up.seen()).isEmpty();
        }
    }

    @Test
    void restrictedHeadersAreNotSentAndAFileUserAgentWins() throws Exception {
        try (RawUpstream up = new RawUpstream()) {
            UpstreamClient c = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));
            c.send(new UpstreamRequest("GET", up.baseUri() + "/", Map.of("Host", List.of("evil"), "Connection", List.of("close"),
                    "Transfer-Encoding", List.of("chunked"), "user-agent", List.of("mine/1")), null, null), null, null)
                    .get(5, TimeUnit.SECONDS);
            RawUpstream.Seen s = up.seen().get(0);
            assertThat(s.header("host")).isEqualTo(up.baseUri().substring("http://".length()));
            assertThat(s.header("connection")).isNull();
            assertThat(s.header("transfer-encoding")).isNull();
            assertThat(s.head().toLowerCase()).containsOnlyOnce("user-agent:");
            assertThat(s.header("user-agent")).isEqualTo("mine/1");
        }
    }
}
