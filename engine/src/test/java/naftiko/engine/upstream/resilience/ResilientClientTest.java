package naftiko.engine.upstream.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import naftiko.engine.testing.FaultyUpstream;
import naftiko.engine.testing.FaultyUpstream.Fault;
import naftiko.engine.upstream.UpstreamClient;
import naftiko.engine.upstream.UpstreamRequest;
import naftiko.engine.upstream.UpstreamResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The upstream client under faults: retries, Retry-After, budget, circuit breaker, in-flight limit, size limit. */
class ResilientClientTest {
    private static final ResiliencePolicy POLICY = new ResiliencePolicy(2, Duration.ofMillis(10), Duration.ofMillis(50),
            3, Duration.ofMillis(300), 2, 1000);

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) c.close();
    }

    private FakeUpstream fake() {
        FakeUpstream f = new FakeUpstream();
        closing.add(f);
        return f;
    }

    private FaultyUpstream faulty() {
        FaultyUpstream f = new FaultyUpstream();
        closing.add(f);
        return f;
    }

    private static UpstreamClient client(String base, Duration requestTimeout) {
        return new UpstreamClient("api", Duration.ofSeconds(2), requestTimeout, base, new HostGuards(POLICY));
    }

    private static UpstreamResponse call(UpstreamClient c, String method, String url) throws Exception {
        return c.send(new UpstreamRequest(method, url, Map.of(), null, null), null, null).get(10, TimeUnit.SECONDS);
    }

    private static UnitFailure failure(UpstreamClient c, String method, String url) {
        CompletableFuture<UpstreamResponse> f = c.send(new UpstreamRequest(method, url, Map.of(), null, null), null, null);
        try {
            UpstreamResponse r = f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got status " + r.status());
        } catch (ExecutionException e) {
            return UnitFailure.of(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void getIsRetriedOn503UntilItSucceeds() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FakeUpstream up = fake().answer(r -> n.incrementAndGet() <= 2 ? Reply.json(503, "{}") : Reply.json(200, "{\"ok\":1}"));
        UpstreamResponse r = call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/runs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
        assertThat(up.requests()).hasSize(3);
    }

    @Test
    void retriesAreBoundedInCount() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(502, "{\"e\":1}"));
        UpstreamResponse r = call(client(up.baseUri(), Duration.ofSeconds(5)), "PUT", up.baseUri() + "/x");
        assertThat(r.status()).isEqualTo(502);
        assertThat(up.requests()).hasSize(3);
    }

    @Test
    void postIsNeverRetried() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(503, "{}"));
        UpstreamResponse r = call(client(up.baseUri(), Duration.ofSeconds(5)), "POST", up.baseUri() + "/runs");
        assertThat(r.status()).isEqualTo(503);
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void anIdempotentHintAllowsRetryingPost() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FakeUpstream up = fake().answer(r -> n.incrementAndGet() == 1 ? Reply.json(504, "{}") : Reply.json(201, "{}"));
        UpstreamResponse r = client(up.baseUri(), Duration.ofSeconds(5))
                .send(new UpstreamRequest("POST", up.baseUri() + "/runs", Map.of(), null, null), null, null, true)
                .get(10, TimeUnit.SECONDS);
        assertThat(r.status()).isEqualTo(201);
        assertThat(up.requests()).hasSize(2);
    }

    @Test
    void otherStatusesAreNotRetried() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(500, "{}"));
        assertThat(call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/").status()).isEqualTo(500);
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void retryAfterBeyondTheBudgetIsNotWaitedFor() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(503, "{}").withHeader("Retry-After", "120"));
        UpstreamResponse r = call(client(up.baseUri(), Duration.ofSeconds(2)), "GET", up.baseUri() + "/");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers().get("retry-after")).containsExactly("120");
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void retryAfterOn429IsHonouredWithinTheBudget() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FakeUpstream up = fake().answer(r -> n.incrementAndGet() == 1
                ? Reply.json(429, "{}").withHeader("Retry-After", "0") : Reply.json(200, "{}"));
        assertThat(call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/").status()).isEqualTo(200);
        assertThat(up.requests()).hasSize(2);
    }

    @Test
    void a429WithoutRetryAfterIsRelayed() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(429, "{}"));
        assertThat(call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/").status()).isEqualTo(429);
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void aDroppedConnectionIsRetriedForGet() throws Exception {
        AtomicInteger n = new AtomicInteger();
        FaultyUpstream up = faulty().answer(line -> n.incrementAndGet() == 1 ? new Fault.Drop() : Fault.json(200, "{\"ok\":true}"));
        assertThat(call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/a").status()).isEqualTo(200);
        assertThat(up.requests()).containsExactly("GET /a", "GET /a");
    }

    @Test
    void aStalledUpstreamTimesOutWithinTheBudgetWithoutRetry() {
        FaultyUpstream up = faulty().answer(new Fault.Stall());
        UnitFailure f = failure(client(up.baseUri(), Duration.ofMillis(400)), "GET", up.baseUri() + "/slow");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TIMEOUT);
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void theCircuitOpensAfterConsecutiveFailuresAndClosesAfterASuccessfulProbe() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(503, "{}"));
        UpstreamClient c = client(up.baseUri(), Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) assertThat(call(c, "POST", up.baseUri() + "/").status()).isEqualTo(503);
        UnitFailure open = failure(c, "POST", up.baseUri() + "/");
        assertThat(open.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNAVAILABLE);
        assertThat(open.getMessage()).isEqualTo("upstream 'api' is failing; calls are refused for up to 0 s before it is tried again");
        assertThat(up.requests()).hasSize(3);

        up.answer(Reply.json(200, "{}"));
        UpstreamResponse probe = null;
        for (int i = 0; i < 100 && probe == null; i++) {
            Thread.sleep(50);
            try {
                probe = call(c, "POST", up.baseUri() + "/");
            } catch (ExecutionException e) {
                assertThat(UnitFailure.of(e).kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNAVAILABLE);
            }
        }
        assertThat(probe).isNotNull();
        assertThat(probe.status()).isEqualTo(200);
        assertThat(call(c, "POST", up.baseUri() + "/").status()).isEqualTo(200);
        assertThat(up.requests()).hasSize(5);
    }

    @Test
    void anUnreachableHostOpensTheCircuitAndFailsFast() throws Exception {
        FaultyUpstream up = faulty();
        String base = up.baseUri();
        up.close();
        UpstreamClient c = new UpstreamClient("api", Duration.ofSeconds(2), Duration.ofSeconds(5), base,
                new HostGuards(new ResiliencePolicy(0, Duration.ofMillis(10), Duration.ofMillis(50), 2, Duration.ofSeconds(30), 8, 1000)));
        assertThat(failure(c, "GET", base + "/").kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNREACHABLE);
        assertThat(failure(c, "GET", base + "/").kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNREACHABLE);
        UnitFailure fast = failure(c, "GET", base + "/");
        assertThat(fast.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNAVAILABLE);
        assertThat(fast.kind().httpStatus()).isEqualTo(503);
    }

    @Test
    void requestsBeyondTheInFlightLimitAreRefusedNotQueued() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(200, "{}").delayed(800));
        UpstreamClient c = client(up.baseUri(), Duration.ofSeconds(5));
        UpstreamRequest req = new UpstreamRequest("POST", up.baseUri() + "/", Map.of(), null, null);
        CompletableFuture<UpstreamResponse> a = c.send(req, null, null);
        CompletableFuture<UpstreamResponse> b = c.send(req, null, null);
        UnitFailure third = failure(c, "POST", up.baseUri() + "/");
        assertThat(third.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNAVAILABLE);
        assertThat(third.getMessage()).isEqualTo("upstream 'api' already has 2 requests in flight; retry later");
        assertThat(a.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(b.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(call(c, "POST", up.baseUri() + "/").status()).isEqualTo(200);
    }

    @Test
    void aDeclaredLengthAboveTheLimitIsRefused() {
        FakeUpstream up = fake().answer(Reply.text(200, "text/plain", "x".repeat(1001)));
        UnitFailure f = failure(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TOO_LARGE);
        assertThat(f.kind().httpStatus()).isEqualTo(502);
        assertThat(f.getMessage()).isEqualTo("upstream 'api' answered a body larger than 1000 bytes,"
                + " the response size limit (NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
    }

    @Test
    void aStreamedBodyIsCutAtTheLimit() {
        FaultyUpstream up = faulty().answer(new Fault.Huge(50L * 1024 * 1024));
        UnitFailure f = failure(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TOO_LARGE);
        assertThat(up.requests()).hasSize(1);
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        FakeUpstream up = fake().answer(Reply.text(200, "text/plain", "x".repeat(1000)));
        assertThat(call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/").body()).hasSize(1000);
    }

    @Test
    void theDefaultLimitIsTenMebibytes() {
        assertThat(ResiliencePolicy.defaults().maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void redirectsAreRelayedNeverFollowed() throws Exception {
        FakeUpstream other = fake();
        FakeUpstream up = fake().answer(Reply.json(302, "{}").withHeader("Location", other.baseUri() + "/admin"));
        UpstreamResponse r = call(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/x");
        assertThat(r.status()).isEqualTo(302);
        assertThat(up.requests()).hasSize(1);
        assertThat(other.requests()).isEmpty();
    }

    @Test
    void aResetMidBodyIsAProtocolFailureAfterRetries() {
        FaultyUpstream up = faulty().answer(new Fault.ResetMidBody());
        UnitFailure f = failure(client(up.baseUri(), Duration.ofSeconds(5)), "GET", up.baseUri() + "/");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_PROTOCOL);
        assertThat(up.requests()).hasSize(3);
    }

    @Test
    void aBadUrlIsAConfigurationFailure() {
        UpstreamClient c = client("http://127.0.0.1:1", Duration.ofSeconds(1));
        assertThatThrownBy(() -> c.send(new UpstreamRequest("GET", "http://exa mple/", Map.of(), null, null), null, null)
                .get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UnitFailure.class);
    }

    @Test
    void theBreakerCountsCallsNotRetryAttempts() throws Exception {
        FakeUpstream up = fake().answer(Reply.json(503, "{}"));
        UpstreamClient c = client(up.baseUri(), Duration.ofSeconds(5));
        assertThat(call(c, "GET", up.baseUri() + "/").status()).isEqualTo(503);
        assertThat(call(c, "GET", up.baseUri() + "/").status()).isEqualTo(503);
        assertThat(up.requests()).as("two calls of three attempts each, circuit still closed").hasSize(6);
        assertThat(call(c, "GET", up.baseUri() + "/").status()).isEqualTo(503);
        assertThat(failure(c, "GET", up.baseUri() + "/").kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNAVAILABLE);
        assertThat(up.requests()).hasSize(9);
    }
}
