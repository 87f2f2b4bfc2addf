package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** REAL-WORLD B/C semantics on the bundled PostHog file: schemas, validation, encoding, statuses, dry-run. */
class PosthogSemanticsTest {
    static FakeUpstream upstream;
    static Capability capability;
    static Spec spec;

    @BeforeAll
    static void plan() {
        upstream = new FakeUpstream();
        spec = naftiko.engine.spec.SpecLoader.load(PosthogCapabilityTest.FILE).spec();
        capability = CapabilityPlanner.plan(spec, options(Map.of("posthog-task-runs", upstream.baseUri()), false));
    }

    static EngineOptions options(Map<String, String> overrides, boolean dryRun) {
        return new EngineOptions(Map.of("POSTHOG_API_KEY", "phx_secret_key"), Map.of(), overrides, dryRun,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @BeforeEach
    void clear() {
        upstream.clear();
        upstream.answer(FakeUpstream.Reply.json(200, "{\"ok\":true}"));
    }

    static Unit tool(String name) {
        return capability.mcp().get(0).tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, JsonNode> args(String json) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        Json.parse(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    static Outcome call(Unit u, String json) throws Exception {
        return u.invoke(Arguments.of(args(json)), new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
    }

    static UnitFailure failure(Unit u, String json) {
        try {
            call(u, json);
        } catch (ExecutionException e) {
            return (UnitFailure) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void derivedInputSchemaIsExactlyRealWorldItem10() {
        JsonNode expected = Json.parse("""
                {"type":"object",
                 "properties":{
                   "after":{"type":"string","description":"Only return events after this ISO8601 timestamp"},
                   "event_types":{"type":"string","description":"Comma-separated list of event types to include"},
                   "exclude_types":{"type":"string","description":"Comma-separated list of event types to exclude"},
                   "id":{"type":"string","description":"A UUID string identifying this task run."},
                   "limit":{"type":"integer","description":"Maximum number of entries to return (default 1000, max 5000)"},
                   "offset":{"type":"integer","description":"Zero-based offset into the filtered log entries"},
                   "task_id":{"type":"string"},
                   "project_id":{"type":"string","description":"Path parameter project_id"}},
                 "required":["id","task_id","project_id"]}""");
        assertThat(tool("get-filtered-task-run-session").inputSchema()).isEqualTo(expected);
        assertThat(tool("get-filtered-task-run-session").inputSchema().toString())
                .isEqualTo(expected.toString());
    }

    @Test
    void createTaskRunSchemaHasOptionalObjectBody() {
        JsonNode s = tool("create-task-run").inputSchema();
        assertThat(s.path("properties").path("body")).isEqualTo(Json.parse(
                "{\"type\":\"object\",\"description\":\"Request body (JSON).\"}"));
        assertThat(s.path("required")).isEqualTo(Json.parse("[\"task_id\",\"project_id\"]"));
        assertThat(tool("create-task-run").outputSchema()).isNull();
    }

    @Test
    void hintsAreTheFilesAndRestUnitsShareTheDerivedSchema() {
        assertThat(tool("list-task-runs").hints().readOnly()).isTrue();
        assertThat(tool("list-task-runs").hints().idempotent()).isTrue();
        Unit rest = capability.rest().get(0).routes().get(0).unit();
        assertThat(rest.inputSchema().path("required")).isEqualTo(Json.parse("[\"task_id\",\"project_id\"]"));
    }

    @Test
    void missingProjectIdIsBadInputNamingItAndNothingIsSent() {
        UnitFailure f = failure(tool("list-task-runs"), "{\"task_id\":\"t1\"}");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.BAD_INPUT);
        assertThat(f.getMessage()).isEqualTo("missing required argument project_id");
        assertThat(f.inputs()).containsExactly("project_id");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void severalMissingArgumentsAreAllNamed() {
        UnitFailure f = failure(tool("api-managing-task-runs-each"), "{}");
        assertThat(f.getMessage()).isEqualTo("missing required arguments id, task_id, project_id");
        assertThat(f.inputs()).containsExactly("id", "task_id", "project_id");
    }

    @Test
    void wrongArgumentTypeIsBadInputNamingIt() {
        UnitFailure f = failure(tool("list-task-runs"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"limit\":\"five\"}");
        assertThat(f.getMessage()).isEqualTo("argument limit must be an integer");
        assertThat(f.inputs()).containsExactly("limit");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void unknownExtraArgumentsAreAllowed() throws Exception {
        call(tool("list-task-runs"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"whatever\":1}");
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/");
    }

    @Test
    void slashAndQuestionMarkInAValueStayOneEncodedSegment() throws Exception {
        call(tool("api-managing-task-runs-each"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"a/b?c\"}");
        assertThat(upstream.single().path()).isEqualTo("/api/projects/42/tasks/t1/runs/a%2Fb%3Fc/");
        assertThat(upstream.single().rawQuery()).isNull();
    }

    @Test
    void dotDotValueCannotClimb() throws Exception {
        call(tool("api-managing-task-runs-each"), "{\"project_id\":\"42\",\"task_id\":\"..\",\"id\":\".\"}");
        assertThat(upstream.single().path()).isEqualTo("/api/projects/42/tasks/%2E%2E/runs/%2E/");
    }

    @Test
    void emptyPathValueIsBadInputNotAnEmptySegment() {
        UnitFailure f = failure(tool("api-managing-task-runs-each"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"\"}");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.BAD_INPUT);
        assertThat(f.inputs()).containsExactly("id");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void projectIdAcceptsKebabSpellingAndNumbers() throws Exception {
        call(tool("list-task-runs"), "{\"project-id\":42,\"task_id\":\"t1\",\"limit\":5.0,\"offset\":10}");
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5&offset=10");
    }

    @Test
    void stringifiedBodyIsSentAsJson() throws Exception {
        call(tool("append-log-entries"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\",\"body\":\"{\\\"entries\\\":[]}\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("{\"entries\":[]}");
    }

    @Test
    void upstreamErrorStatusIsAnOutcomeWithTheRawBody() throws Exception {
        upstream.answer(FakeUpstream.Reply.json(404, "{\"detail\":\"Not found.\"}").withHeader("X-Trace", "abc"));
        Outcome o = call(tool("list-task-runs"), "{\"project_id\":\"42\",\"task_id\":\"t1\"}");
        assertThat(o.status()).isEqualTo(404);
        assertThat(o.isError()).isTrue();
        assertThat(o.bodyText()).isEqualTo("{\"detail\":\"Not found.\"}");
        assertThat(o.headers().get("x-trace")).containsExactly("abc");
    }

    @Test
    void nonJsonAndEmptyBodiesAreRelayedRaw() throws Exception {
        upstream.answer(FakeUpstream.Reply.text(200, "text/event-stream", "data: hi\n\n"));
        Outcome o = call(tool("api-managing-task-runs-each-2"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\"}");
        assertThat(o.contentType()).isEqualTo("text/event-stream");
        assertThat(o.bodyText()).isEqualTo("data: hi\n\n");
        upstream.answer(new FakeUpstream.Reply(204, null, new byte[0], Map.of(), 0));
        Outcome empty = call(tool("start-task-run"), "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\"}");
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
    }

    @Test
    void restReadsRouteVariablesQueryAndBodyByMirroring() throws Exception {
        Unit list = capability.rest().get(0).routes().get(0).unit();
        InboundRequest req = new InboundRequest("GET", "/v1/api/projects/42/tasks/T1/runs", Map.of("project-id", "42", "task-id", "T1"),
                Map.of("limit", List.of("5"), "ignored", List.of("x")), "limit=5&ignored=x", Map.of(), Map.of(), new byte[0], null, null, null);
        list.invoke(Arguments.of(req), new CallContext(null, "rest")).get(5, TimeUnit.SECONDS);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/T1/runs/?limit=5");
    }

    @Test
    void restMissingRequiredBodyIsBadInput() {
        RestEndpoint.RestRoute append = capability.rest().get(0).routes().get(4);
        InboundRequest req = new InboundRequest("POST", "/x", Map.of("project-id", "42", "task-id", "T1", "id", "R9"),
                Map.of(), null, Map.of(), Map.of(), new byte[0], null, null, null);
        assertThatThrownBy(() -> append.unit().invoke(Arguments.of(req), new CallContext(null, "rest")).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(UnitFailure.class).hasMessage("missing required parameter body");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void dryRunDescribesTheRequestWithTheTokenRedactedAndContactsNothing() throws Exception {
        Capability dry = CapabilityPlanner.plan(spec, options(Map.of("posthog-task-runs", upstream.baseUri()), true));
        Unit list = dry.mcp().get(0).tools().get(0);
        Outcome o = list.invoke(Arguments.of(args("{\"project_id\":\"42\",\"task_id\":\"t1\",\"limit\":5}")),
                new CallContext(null, "cli")).get(5, TimeUnit.SECONDS);
        assertThat(upstream.requests()).isEmpty();
        JsonNode j = o.json();
        assertThat(j.path("dryRun").asBoolean()).isTrue();
        assertThat(j.path("method").asText()).isEqualTo("GET");
        assertThat(j.path("url").asText()).isEqualTo(upstream.baseUri() + "/api/projects/42/tasks/t1/runs/?limit=5");
        assertThat(j.path("headers").path("Authorization").asText()).isEqualTo("Bearer ***");
        assertThat(o.bodyText()).doesNotContain("phx_secret_key");
    }

    @Test
    void dryRunRedactsSecretsInBodyAndUrl() throws Exception {
        Capability dry = CapabilityPlanner.plan(spec, options(Map.of("posthog-task-runs", upstream.baseUri()), true));
        Unit append = dry.mcp().get(0).tools().get(4);
        Outcome o = append.invoke(Arguments.of(args("{\"project_id\":\"phx_secret_key\",\"task_id\":\"t1\",\"id\":\"r\","
                + "\"body\":{\"note\":\"key is phx_secret_key\"}}")), new CallContext(null, "cli")).get(5, TimeUnit.SECONDS);
        assertThat(o.bodyText()).doesNotContain("phx_secret_key");
        assertThat(o.json().path("body").path("note").asText()).isEqualTo("key is ***");
        assertThat(o.json().path("url").asText()).contains("/api/projects/***/tasks/");
    }

    @Test
    void dryRunWithoutKeyOrBaseUriShowsPlaceholders() throws Exception {
        Capability dry = CapabilityPlanner.plan(spec, new EngineOptions(Map.of(), Map.of(), Map.of(), true,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
        Outcome o = dry.mcp().get(0).tools().get(0).invoke(Arguments.of(args("{\"project_id\":\"42\",\"task_id\":\"t1\"}")),
                new CallContext(null, "cli")).get(5, TimeUnit.SECONDS);
        assertThat(o.json().path("url").asText()).isEqualTo("<base-uri:posthog-task-runs>/api/projects/42/tasks/t1/runs/");
        assertThat(o.json().path("headers").path("Authorization").asText()).isEqualTo("Bearer <unset:POSTHOG_API_KEY>");
    }

    @Test
    void missingKeyFailsThePlanNamingVariableBindAndWhatToSet() {
        assertThatThrownBy(() -> CapabilityPlanner.plan(spec, new EngineOptions(Map.of(), Map.of(),
                Map.of("posthog-task-runs", "http://127.0.0.1:1"), false, Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("missing variable POSTHOG_API_KEY")
                .hasMessageContaining("bind 'env'")
                .hasMessageContaining("posthog-task-runs.yaml:14:5")
                .hasMessageContaining("export POSTHOG_API_KEY")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingBaseUriFailsThePlanNamingBothKnobs() {
        assertThatThrownBy(() -> CapabilityPlanner.plan(spec, options(Map.of(), false)))
                .isInstanceOf(PlanException.class)
                .hasMessage("no base URI for posthog-task-runs: pass --base-uri posthog-task-runs=URL"
                        + " or set NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS");
    }

    @Test
    void baseUriFromEnvironmentVariable() throws Exception {
        Capability c = CapabilityPlanner.plan(spec, new EngineOptions(Map.of("POSTHOG_API_KEY", "k",
                "NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS", upstream.baseUri() + "/"), Map.of(), Map.of(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(5)));
        c.mcp().get(0).tools().get(0).invoke(Arguments.of(args("{\"project_id\":\"1\",\"task_id\":\"2\"}")),
                new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/1/tasks/2/runs/");
        assertThat(upstream.single().header("authorization")).isEqualTo("Bearer k");
    }

    @Test
    void unreachableUpstreamIsATypedFailure() {
        Capability c = CapabilityPlanner.plan(spec, options(Map.of("posthog-task-runs", "http://127.0.0.1:1"), false));
        UnitFailure f = failure(c.mcp().get(0).tools().get(0), "{\"project_id\":\"1\",\"task_id\":\"2\"}");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_UNREACHABLE);
        assertThat(f.getMessage()).doesNotContain("phx_secret_key");
    }

    @Test
    void slowUpstreamIsATimeout() {
        Capability c = CapabilityPlanner.plan(spec, new EngineOptions(Map.of("POSTHOG_API_KEY", "k"), Map.of(),
                Map.of("posthog-task-runs", upstream.baseUri()), false, Duration.ofSeconds(1), Duration.ofMillis(200)));
        upstream.answer(FakeUpstream.Reply.json(200, "{}").delayed(1500));
        UnitFailure f = failure(c.mcp().get(0).tools().get(0), "{\"project_id\":\"1\",\"task_id\":\"2\"}");
        assertThat(f.kind()).isEqualTo(UnitFailure.Kind.UPSTREAM_TIMEOUT);
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        upstream.answer(FakeUpstream.Reply.json(302, "{}").withHeader("Location", "http://example.org/"));
        Outcome o = call(tool("list-task-runs"), "{\"project_id\":\"1\",\"task_id\":\"2\"}");
        assertThat(o.status()).isEqualTo(302);
        assertThat(upstream.requests()).hasSize(1);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
