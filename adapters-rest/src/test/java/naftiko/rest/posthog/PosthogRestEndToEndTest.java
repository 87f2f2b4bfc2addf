package naftiko.rest.posthog;

import static naftiko.rest.posthog.PosthogRest.API_KEY;
import static naftiko.rest.posthog.PosthogRest.PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Recorded;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All 19 operations of posthog-task-runs.yaml through a real socket: the exact request the
 * upstream receives and the exact response the client gets.
 */
class PosthogRestEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UP = "/api/projects/42/tasks/t1/runs";

    private static FakeUpstream upstream;
    private static PosthogRest rest;

    @BeforeAll
    static void start() {
        upstream = new FakeUpstream();
        rest = new PosthogRest(upstream.baseUri(), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        rest.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        upstream.clear();
        // Odd spacing proves the bytes are relayed, not re-serialised.
        upstream.answer(r -> Reply.json(200, "{ \"seen\" : \"" + r.method() + " " + r.path() + "\" }")
                .withHeader("X-RateLimit-Remaining", "99"));
    }

    /** method, exposed path suffix + query, upstream path suffix, expected upstream query, JSON body to send. */
    static Stream<Arguments> operations() {
        String body = "{\"entries\":[{\"type\":\"log\",\"message\":\"é\"}],\"n\":1}";
        return Stream.of(
                Arguments.of("GET", "?limit=5&offset=10", "/", "limit=5&offset=10", null),
                Arguments.of("POST", "", "/", null, "{\"mode\":\"cloud\"}"),
                Arguments.of("GET", "/r9", "/r9/", null, null),
                Arguments.of("PATCH", "/r9", "/r9/", null, "{\"status\":\"done\"}"),
                Arguments.of("POST", "/r9/append-log", "/r9/append_log/", null, body),
                Arguments.of("POST", "/r9/artifacts", "/r9/artifacts/", null, "{\"artifacts\":[]}"),
                Arguments.of("POST", "/r9/artifacts/download", "/r9/artifacts/download/", null, "{\"path\":\"a\"}"),
                Arguments.of("POST", "/r9/artifacts/finalize-upload", "/r9/artifacts/finalize_upload/", null, "{\"k\":1}"),
                Arguments.of("POST", "/r9/artifacts/prepare-upload", "/r9/artifacts/prepare_upload/", null, "{\"k\":2}"),
                Arguments.of("POST", "/r9/artifacts/presign", "/r9/artifacts/presign/", null, "{\"k\":3}"),
                Arguments.of("POST", "/r9/command", "/r9/command/", null, "{\"command\":\"stop\"}"),
                Arguments.of("GET", "/r9/connection-token", "/r9/connection_token/", null, null),
                Arguments.of("GET", "/r9/logs", "/r9/logs/", null, null),
                Arguments.of("POST", "/r9/relay-message", "/r9/relay_message/", null, "{\"text\":\"hi\"}"),
                Arguments.of("POST", "/r9/resume-in-cloud", "/r9/resume_in_cloud/", null, null),
                Arguments.of("GET", "/r9/session-logs?event_types=tool_call&limit=3&offset=1",
                        "/r9/session_logs/", "event_types=tool_call&limit=3&offset=1", null),
                Arguments.of("PATCH", "/r9/set-output", "/r9/set_output/", null, "{\"output\":{\"ok\":true}}"),
                Arguments.of("POST", "/r9/start", "/r9/start/", null, "{}"),
                Arguments.of("GET", "/r9/stream", "/r9/stream/", null, null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("operations")
    void relaysTheExactRequestAndResponse(String method, String exposed, String upPath, String upQuery, String body)
            throws Exception {
        HttpResponse<String> r = rest.send(method, PREFIX + exposed, body == null ? null : "application/json", body);

        Recorded seen = upstream.single();
        assertThat(seen.method()).isEqualTo(method);
        assertThat(seen.path()).isEqualTo(UP + upPath);
        assertThat(seen.rawQuery()).isEqualTo(upQuery);
        assertThat(seen.header("authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(seen.header("x-request-id")).isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        if (body == null) {
            assertThat(seen.body()).isEmpty();
        } else {
            assertThat(JSON.readTree(seen.body())).isEqualTo(JSON.readTree(body));
            assertThat(seen.header("content-type")).startsWith("application/json");
        }

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{ \"seen\" : \"" + method + " " + UP + upPath + "\" }");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("x-ratelimit-remaining")).hasValue("99");
    }

    static JsonNode problem(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        return p;
    }
}
