package naftiko.engine.upstream.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.upstream.OutboundAuth;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import naftiko.engine.upstream.UpstreamResponse;
import naftiko.engine.upstream.resilience.HostGuards;
import naftiko.engine.upstream.resilience.ResiliencePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;

/** Keep-alive connections: reuse, the upstream closing them, chunked bodies, the calling thread. */
class KeepAliveTest {
    private RawUpstream up;
    private final UpstreamClient client = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void close() {
        if (up != null) up.close();
    }

    private UpstreamResponse get(String path) throws Exception {
        return send("GET", path, null);
    }

    private UpstreamResponse send(String method, String path, byte[] body) throws Exception {
        return client.send(new UpstreamRequest(method, up.baseUri() + path, Map.of(), body, null), null, "r1")
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void sequentialRequestsShareOneConnection() throws Exception {
        up = new RawUpstream();
        for (int i = 0; i < 5; i++) {
            assertThat(new String(get("/n" + i).body())).isEqualTo("{\"ok\":true}");
        }
        assertThat(up.connections()).isEqualTo(1);
        assertThat(up.seen()).extracting(RawUpstream.Seen::connection).containsOnly(1);
        RawUpstream.Seen first = up.seen().get(0);
        assertThat(first.head()).startsWith("GET /n0 HTTP/1.1\r\n");
        assertThat(first.header("host")).isEqualTo(up.baseUri().substring("http://".length()));
        assertThat(first.header("x-request-id")).isEqualTo("r1");
        assertThat(first.header("content-length")).isNull();
        assertThat(first.header("transfer-encoding")).isNull();
    }

    @Test
    void aRequestBodyIsSentWithItsLengthOnAKeptConnection() throws Exception {
        up = new RawUpstream();
        send("POST", "/a", "{\"x\":1}".getBytes());
        send("POST", "/b", new byte[0]);
        List<RawUpstream.Seen> seen = up.seen();
        assertThat(seen.get(0).body()).isEqualTo("{\"x\":1}");
        assertThat(seen.get(0).header("content-length")).isEqualTo("7");
        assertThat(seen.get(1).header("content-length")).isEqualTo("0");
        assertThat(up.connections()).isEqualTo(1);
    }

    @Test
    void connectionCloseFromTheUpstreamIsHonoured() throws Exception {
        up = new RawUpstream().answer(s -> RawUpstream.Answer.of(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"));
        assertThat(new String(get("/1").body())).isEqualTo("ok");
        assertThat(new String(get("/2").body())).isEqualTo("ok");
        assertThat(up.connections()).isEqualTo(2);
        assertThat(up.seen()).hasSize(2); // no failed attempt on the closed connection
    }

    @Test
    void aConnectionTheUpstreamClosedWhileIdleIsNotReused() throws Exception {
        up = new RawUpstream().answer(s -> RawUpstream.Answer.json("{}").closing());
        get("/1");
        Thread.sleep(200); // the close reaches the client while the connection is idle in the pool
        assertThat(send("POST", "/2", "x".getBytes()).status()).isEqualTo(200);
        assertThat(up.connections()).isEqualTo(2);
        assertThat(up.seen()).extracting(s -> s.head().substring(0, s.head().indexOf(' ', 5))).containsExactly("GET /1", "POST /2");
    }

    @Test
    void aGetOnAConnectionClosedUnderItIsSentAgainOnAFreshOne() throws Exception {
        // closed right after each answer: the next call may take the connection before the close is seen;
        // no retries above the transport, so only its own re-send on a fresh connection can save the call
        up = new RawUpstream().answer(s -> RawUpstream.Answer.json("{}").closing());
        ResiliencePolicy d = ResiliencePolicy.defaults();
        UpstreamClient noRetries = new UpstreamClient("ns", Duration.ofSeconds(2), Duration.ofSeconds(5), null,
                new HostGuards(new ResiliencePolicy(0, d.baseBackoff(), d.maxBackoff(), d.failureThreshold(), d.openCooldown(),
                        d.maxInFlight(), d.maxResponseBytes())));
        // each call is made from the previous one's completion, on the I/O thread, before it can see the close
        CompletableFuture<UpstreamResponse> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < 20; i++) {
            String url = up.baseUri() + "/" + i;
            chain = chain.thenCompose(r -> noRetries.send(new UpstreamRequest("GET", url, Map.of(), null, null), null, null));
        }
        assertThat(chain.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(up.seen()).hasSize(20);
    }

    @Test
    void aChunkedBodyIsReadWholeAndTheConnectionKept() throws Exception {
        up = new RawUpstream().answer(s -> RawUpstream.Answer.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n"));
        UpstreamResponse r = get("/c");
        assertThat(new String(r.body())).isEqualTo("hello world");
        assertThat(r.contentType()).isEqualTo("text/plain");
        assertThat(r.headers()).doesNotContainKey("transfer-encoding");
        get("/c");
        assertThat(up.connections()).isEqualTo(1);
    }

    @Test
    void aDigestChallengeIsAnsweredOnceOnTheSameConnection() throws Exception {
        up = new RawUpstream().answer(s -> s.header("authorization") == null
                ? RawUpstream.Answer.of("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n1\", qop=\"auth\"\r\n"
                        + "Content-Length: 0\r\n\r\n")
                : RawUpstream.Answer.json("{\"in\":true}"));
        UpstreamResponse r = client.send(new UpstreamRequest("GET", up.baseUri() + "/d", Map.of(), null, null),
                new OutboundAuth.DigestCredentials("u", "p"), null).get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(up.seen()).hasSize(2);
        assertThat(up.seen().get(1).header("authorization")).startsWith("Digest username=\"u\"").contains("nonce=\"n1\"");
        assertThat(up.connections()).isEqualTo(1);
    }

    @Test
    void aCallFromAnotherThreadCompletesOnAnEngineIoThread() throws Exception {
        // answered late, so that the step below is registered before completion and runs where it completes
        up = new RawUpstream().answer(s -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RawUpstream.Answer.json("{}");
        });
        Thread done = client.send(new UpstreamRequest("GET", up.baseUri() + "/", Map.of(), null, null), null, null)
                .thenApply(r -> Thread.currentThread()).get(10, TimeUnit.SECONDS);
        assertThat(done).isInstanceOf(XnioIoThread.class);
    }

    @Test
    void aCallOnAnIoThreadStaysOnItAndUsesItsOwnConnections() throws Exception {
        up = new RawUpstream();
        XnioWorker worker = Xnio.getInstance().createWorker(OptionMap.create(Options.WORKER_IO_THREADS, 1));
        try {
            XnioIoThread io = worker.getIoThread();
            for (int i = 0; i < 3; i++) {
                CompletableFuture<Thread> done = new CompletableFuture<>();
                io.execute(() -> client.send(new UpstreamRequest("GET", up.baseUri() + "/", Map.of(), null, null), null, null)
                        .whenComplete((r, e) -> {
                            if (e != null) done.completeExceptionally(e);
                            else done.complete(Thread.currentThread());
                        }));
                assertThat(done.get(10, TimeUnit.SECONDS)).isSameAs(io);
            }
            // all on the pool of that one thread
            assertThat(up.connections()).isEqualTo(1);
        } finally {
            worker.shutdownNow();
        }
    }
}
