package naftiko.rest;

import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.UnitFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing, problems and responses through a real socket, with test-double units. */
class RestServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedUnit list = ScriptedUnit.answering("list", false,
            Outcome.raw(200, "application/json", "{\"results\":[1, 2]}".getBytes(), Map.of(
                    "link", List.of("<https://x/next>; rel=\"next\""),
                    "etag", List.of("\"v1\""),
                    "x-ratelimit-remaining", List.of("41"),
                    "set-cookie", List.of("session=upstream"),
                    "connection", List.of("close"),
                    "transfer-encoding", List.of("chunked"),
                    "content-length", List.of("999"),
                    "keep-alive", List.of("timeout=5"))));
    private final ScriptedUnit get = ScriptedUnit.ok("get");
    private final ScriptedUnit patch = ScriptedUnit.ok("patch");
    private final TestServer server = new TestServer(List.of(
            route("GET", "/v1/projects/{project-id}/runs", list),
            route("GET", "/v1/projects/{project-id}/runs/{id}", get),
            route("PATCH", "/v1/projects/{project-id}/runs/{id}", patch)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passesStatusContentTypeAndBytesThroughAndFiltersHeaders() throws Exception {
        HttpResponse<String> r = server.send("GET", "/v1/projects/42/runs?limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"results\":[1, 2]}"); // not re-serialised
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("content-length")).hasValue("18");
        assertThat(r.headers().firstValue("link")).hasValue("<https://x/next>; rel=\"next\"");
        assertThat(r.headers().firstValue("etag")).hasValue("\"v1\"");
        assertThat(r.headers().firstValue("x-ratelimit-remaining")).hasValue("41");
        assertThat(r.headers().map()).doesNotContainKeys("set-cookie", "keep-alive", "transfer-encoding");
        assertThat(r.headers().allValues("connection")).doesNotContain("close"); // Undertow frames its own connection
    }

    @Test
    void shapedOutcomesDropRepresentationHeaders() throws Exception {
        list.script((a, c) -> CompletableFuture.completedFuture(new Outcome(201, "application/json",
                "{\"id\":1}".getBytes(), JSON.createObjectNode().put("id", 1),
                Map.of("etag", List.of("\"up\""), "location", List.of("/runs/1")))));
        HttpResponse<String> r = server.send("GET", "/v1/projects/42/runs");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("{\"id\":1}");
        assertThat(r.headers().firstValue("location")).hasValue("/runs/1");
        assertThat(r.headers().firstValue("etag")).isEmpty();
    }

    @Test
    void givesTheUnitAFaithfulRequest() throws Exception {
        server.send(server.request("/v1/projects/4%202/runs/?limit=5&tag=a&tag=b%26c&q=x+y")
                .header("X-Custom", "one").header("Cookie", "theme=dark").GET().build());
        ScriptedUnit.Call call = list.single();
        assertThat(call.request().method()).isEqualTo("GET");
        assertThat(call.request().path()).isEqualTo("/v1/projects/4%202/runs/");
        assertThat(call.request().pathVariables()).isEqualTo(Map.of("project-id", "4 2"));
        assertThat(call.request().query()).containsExactly(
                Map.entry("limit", List.of("5")), Map.entry("tag", List.of("a", "b&c")), Map.entry("q", List.of("x y")));
        assertThat(call.request().rawQuery()).isEqualTo("limit=5&tag=a&tag=b%26c&q=x+y");
        assertThat(call.request().headers()).containsEntry("x-custom", List.of("one"));
        assertThat(call.request().cookies()).containsEntry("theme", "dark");
        assertThat(call.request().body()).isEmpty();
        assertThat(call.request().jsonBody()).isNull();
        assertThat(call.request().pathRemainder()).isNull();
        assertThat(call.context().adapter()).isEqualTo("rest");
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        HttpResponse<String> r = server.send("GET", "/v2/nothing");
        assertProblem(r, 404, "not-found");
        assertThat(json(r).get("detail").asText()).isEqualTo("No route matches GET /v2/nothing.");
    }

    @Test
    void malformedPathEscapeIs400() throws Exception {
        // java.net.http refuses to send such a URI, so this one goes over a raw socket.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v1/projects/%zz/runs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            // Undertow's request parser answers before any handler (RouteTableTest covers our own check).
            assertThat(response).startsWith("HTTP/1.1 400 ");
        }
        assertThat(list.calls).isEmpty();
    }

    @Test
    void noContentOutcomeHasNoBodyNorContentType() throws Exception {
        get.script((a, c) -> CompletableFuture.completedFuture(Outcome.raw(204, "application/json", new byte[0],
                Map.of("retry-after", List.of("5")))));
        HttpResponse<String> r = server.send("GET", "/v1/projects/42/runs/r9");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-type")).isEmpty();
        assertThat(r.headers().firstValue("retry-after")).hasValue("5");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        HttpResponse<String> r = server.send("DELETE", "/v1/projects/42/runs/r9");
        assertProblem(r, 405, "method-not-allowed");
        assertThat(r.headers().firstValue("allow")).hasValue("GET, PATCH, HEAD, OPTIONS");
        assertThat(get.calls).isEmpty();
    }

    @Test
    void optionsAnswers204WithAllow() throws Exception {
        HttpResponse<String> r = server.send("OPTIONS", "/v1/projects/42/runs");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD, OPTIONS");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void headOnAnUnknownPathIs404WithoutABody() throws Exception {
        HttpResponse<String> r = server.send("HEAD", "/nope");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void repeatedUpstreamHeadersAreAllRelayed() throws Exception {
        get.script((a, c) -> CompletableFuture.completedFuture(Outcome.raw(200, "text/plain", "x".getBytes(),
                Map.of("link", List.of("<a>; rel=\"next\"", "<b>; rel=\"last\""), "x-request-id", List.of("upstream-id")))));
        HttpResponse<String> r = server.send(server.request("/v1/projects/42/runs/r9").header("X-Request-Id", "mine").GET().build());
        assertThat(r.headers().allValues("link")).containsExactly("<a>; rel=\"next\"", "<b>; rel=\"last\"");
        assertThat(r.headers().allValues("x-request-id")).containsExactly("mine");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain");
    }

    @Test
    void headRunsTheGetUnitWithoutABody() throws Exception {
        HttpResponse<String> r = server.send("HEAD", "/v1/projects/42/runs");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("content-length")).hasValue("18");
        assertThat(list.single().request().method()).isEqualTo("HEAD");
    }

    @Test
    void badInputFailureIs400NamingTheInputs() throws Exception {
        patch.script((a, c) -> CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT,
                "missing required input body", List.of("body"))));
        HttpResponse<String> r = server.send(server.request("/v1/projects/42/runs/r9")
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        JsonNode p = assertProblem(r, 400, "invalid-input");
        assertThat(p.get("detail").asText()).isEqualTo("missing required input body");
        assertThat(p.get("invalidParams")).hasToString("[\"body\"]");
    }

    @Test
    void upstreamFailuresMapToGatewayStatuses() throws Exception {
        Map<UnitFailure.Kind, String> expected = Map.of(
                UnitFailure.Kind.UPSTREAM_UNREACHABLE, "upstream-unreachable",
                UnitFailure.Kind.UPSTREAM_TIMEOUT, "upstream-timeout",
                UnitFailure.Kind.UPSTREAM_UNAVAILABLE, "upstream-unavailable",
                UnitFailure.Kind.CONFIGURATION, "configuration");
        for (var e : expected.entrySet()) {
            get.script((a, c) -> CompletableFuture.failedFuture(new UnitFailure(e.getKey(), "upstream said no")));
            HttpResponse<String> r = server.send("GET", "/v1/projects/42/runs/r9");
            JsonNode p = assertProblem(r, e.getKey().httpStatus(), e.getValue());
            assertThat(p.get("title").asText()).isEqualTo(e.getKey().title());
        }
    }

    @Test
    void unexpectedExceptionsAre500WithoutMessageOrStackTrace() throws Exception {
        get.script((a, c) -> { throw new IllegalStateException("secret-token-123 leaked"); });
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        naftiko.rest.problem.FailureLog.redirect(new java.io.PrintStream(log, true, "UTF-8"));
        HttpResponse<String> r;
        try {
            r = server.send("GET", "/v1/projects/42/runs/r9");
        } finally {
            naftiko.rest.problem.FailureLog.redirect(null);
        }
        String logged = log.toString("UTF-8");
        assertThat(logged).contains("java.lang.IllegalStateException").contains(r.headers().firstValue("x-request-id").orElseThrow())
                .doesNotContain("secret-token-123");
        assertThat(logged.lines().filter(l -> l.startsWith("naftiko rest:")).count()).isEqualTo(1);
        JsonNode p = assertProblem(r, 500, "internal-error");
        assertThat(r.body()).doesNotContain("secret-token-123").doesNotContain("IllegalStateException")
                .doesNotContain("at naftiko");
        assertThat(p.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
    }

    @Test
    void requestIdIsReusedWhenSaneAndGeneratedOtherwise() throws Exception {
        HttpResponse<String> reused = server.send(server.request("/v1/projects/42/runs/r9")
                .header("X-Request-Id", "abc-123:x.y_z").GET().build());
        assertThat(reused.headers().firstValue("x-request-id")).hasValue("abc-123:x.y_z");
        assertThat(get.calls.get(0).context().requestId()).isEqualTo("abc-123:x.y_z");

        HttpResponse<String> insane = server.send(server.request("/v1/projects/42/runs/r9")
                .header("X-Request-Id", "<script>").GET().build());
        String generated = insane.headers().firstValue("x-request-id").orElseThrow();
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(get.calls.get(1).context().requestId()).isEqualTo(generated);

        HttpResponse<String> tooLong = server.send(server.request("/v1/projects/42/runs/r9")
                .header("X-Request-Id", "a".repeat(129)).GET().build());
        assertThat(tooLong.headers().firstValue("x-request-id").orElseThrow()).hasSize(36);

        HttpResponse<String> notFound = server.send("GET", "/nope");
        assertThat(json(notFound).get("requestId").asText())
                .isEqualTo(notFound.headers().firstValue("x-request-id").orElseThrow());
    }

    static JsonNode assertProblem(HttpResponse<String> r, int status, String slug) throws Exception {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/" + slug);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("requestId").asText()).isEqualTo(r.headers().firstValue("x-request-id").orElseThrow());
        return p;
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}
