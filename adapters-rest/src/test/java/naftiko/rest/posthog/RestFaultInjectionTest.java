package naftiko.rest.posthog;

import static naftiko.rest.posthog.PosthogRest.PREFIX;
import static naftiko.rest.posthog.PosthogRestEndToEndTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FaultyUpstream;
import naftiko.engine.testing.FaultyUpstream.Fault;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5: the bundled capability's REST exposure in front of an upstream that misbehaves.
 * Each fault has one exact client-visible answer, and the server keeps serving other requests
 * (to a healthy upstream path) while a faulty one is in progress.
 */
class RestFaultInjectionTest {

    private static final String RUN = PREFIX + "/r9";
    private static final String HEALTHY = PREFIX + "/ok";

    /** Faults on /…/runs/r9/, a good answer on any other path. */
    private static FaultyUpstream upstream(Fault fault) {
        return new FaultyUpstream().answer(line -> line.contains("/runs/r9/") ? fault : Fault.json(200, "{\"id\":\"ok\"}"));
    }

    private static JsonNode faulted(Fault fault, Duration timeout, int status) throws Exception {
        try (FaultyUpstream up = upstream(fault); PosthogRest rest = new PosthogRest(up.baseUri(), timeout)) {
            CompletableFuture<HttpResponse<String>> faulty = PosthogRest.CLIENT.sendAsync(
                    rest.request(RUN).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = rest.send("GET", HEALTHY, null, null);
            assertThat(other.statusCode()).as("other requests are served meanwhile").isEqualTo(200);
            assertThat(other.body()).isEqualTo("{\"id\":\"ok\"}");
            JsonNode p = problem(faulty.get(30, TimeUnit.SECONDS), status);
            HttpResponse<String> after = rest.send("GET", HEALTHY, null, null);
            assertThat(after.statusCode()).as("and afterwards").isEqualTo(200);
            return p;
        }
    }

    @Test
    void droppedConnectionIs502UpstreamProtocol() throws Exception {
        JsonNode p = faulted(new Fault.Drop(), Duration.ofSeconds(5), 502);
        assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-protocol");
        assertThat(p.get("detail").asText()).isEqualTo("upstream 'posthog-task-runs' broke the HTTP exchange");
    }

    @Test
    void resetMidBodyIs502UpstreamProtocol() throws Exception {
        JsonNode p = faulted(new Fault.ResetMidBody(), Duration.ofSeconds(5), 502);
        assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-protocol");
    }

    @Test
    void stallIs504WithinTheRequestTimeout() throws Exception {
        JsonNode p = faulted(new Fault.Stall(), Duration.ofMillis(700), 504);
        assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-timeout");
    }

    @Test
    void hugeBodyIs502TooLarge() throws Exception {
        JsonNode p = faulted(new Fault.Huge(12L * 1024 * 1024), Duration.ofSeconds(10), 502);
        assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-too-large");
        assertThat(p.get("detail").asText()).isEqualTo("upstream 'posthog-task-runs' answered a body larger than 10485760 bytes,"
                + " the response size limit (NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
    }

    @Test
    void invalidJsonIsRelayedVerbatimByAWholeBodyPassThrough() throws Exception {
        // mapping "$." relays the upstream bytes untouched (OutputShaper): nothing is parsed, nothing fails
        try (FaultyUpstream up = upstream(Fault.json(200, "{\"id\": \"r9\", "));
             PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", RUN, null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"id\": \"r9\", ");
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(rest.send("GET", HEALTHY, null, null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void upstream503IsRelayedAfterRetries() throws Exception {
        try (FaultyUpstream up = upstream(Fault.json(503, "{\"detail\":\"busy\"}"));
             PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", RUN, null, null);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).isEqualTo("{\"detail\":\"busy\"}");
            assertThat(up.requests()).containsExactly("GET /api/projects/42/tasks/t1/runs/r9/",
                    "GET /api/projects/42/tasks/t1/runs/r9/", "GET /api/projects/42/tasks/t1/runs/r9/");
        }
    }

    @Test
    void upstream500OnPostIsRelayedOnce() throws Exception {
        try (FaultyUpstream up = new FaultyUpstream().answer(Fault.json(500, "{\"detail\":\"boom\"}"));
             PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("POST", RUN + "/append-log", "application/json", "{\"entries\":[]}");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(r.body()).isEqualTo("{\"detail\":\"boom\"}");
            assertThat(up.requests()).hasSize(1);
        }
    }

    @Test
    void upstreamDownOpensTheCircuitThenRecoversWithoutRestart() throws Exception {
        try (FaultyUpstream up = new FaultyUpstream();
             PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5),
                     java.util.Map.of("NAFTIKO_UPSTREAM_BREAKER_COOLDOWN", "3s", "NAFTIKO_UPSTREAM_BREAKER_FAILURES", "2"))) {
            up.stopListening();
            JsonNode down = problem(rest.send("GET", RUN, null, null), 502);
            assertThat(down.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-unreachable");
            assertThat(down.get("detail").asText()).isEqualTo("upstream 'posthog-task-runs' is unreachable");
            // the breaker counts calls (each GET tried three times): the second failed call opens the circuit
            problem(rest.send("GET", RUN, null, null), 502);
            JsonNode open = problem(rest.send("GET", RUN, null, null), 503);
            assertThat(open.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-unavailable");
            assertThat(open.get("detail").asText())
                    .isEqualTo("upstream 'posthog-task-runs' is failing; calls are refused for up to 3 s before it is tried again");

            up.listenAgain();
            HttpResponse<String> back = null;
            // 3 s of cool-down keeps the third call inside it on a loaded machine; recovery is polled (bounded).
            for (int i = 0; i < 200 && (back == null || back.statusCode() != 200); i++) {
                Thread.sleep(100);
                back = rest.send("GET", HEALTHY, null, null);
                assertThat(back.statusCode()).isIn(200, 503);
            }
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).isEqualTo("{\"ok\":true}");
        }
    }
}
