package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one of the 19 operations of capabilities/posthog-task-runs.yaml, through its REST unit
 * (an InboundRequest) and its MCP tool (arguments): the exact upstream request.
 */
class PosthogCapabilityTest {
    static final Path FILE = Path.of("../capabilities/posthog-task-runs.yaml");
    static FakeUpstream upstream;
    static Capability capability;

    /** tool, REST operation, REST method, REST path suffix, upstream method, upstream path suffix, query?, body: none|optional|required. */
    record Op(String tool, String restName, String restSuffix, String method, String upstreamSuffix, boolean paged, String body) {}

    static final List<Op> OPS = List.of(
            new Op("list-task-runs", "tasksrunslist", "", "GET", "", true, "none"),
            new Op("create-task-run", "tasksrunscreate", "", "POST", "", false, "optional"),
            new Op("api-managing-task-runs-each", "tasksrunsretrieve", "/r9", "GET", "r9/", false, "none"),
            new Op("update-task-run", "tasksrunspartialupdate", "/r9", "PATCH", "r9/", false, "optional"),
            new Op("append-log-entries", "tasksrunsappendlogcreate", "/r9/append-log", "POST", "r9/append_log/", false, "required"),
            new Op("upload-artifacts-task-run", "tasksrunsartifactscreate", "/r9/artifacts", "POST", "r9/artifacts/", false, "required"),
            new Op("download-artifact-through-backend", "tasksrunsartifactsdownloadcreate", "/r9/artifacts/download", "POST", "r9/artifacts/download/", false, "required"),
            new Op("finalize-direct-uploads-task-run", "tasksrunsartifactsfinalizeuploadcreate", "/r9/artifacts/finalize-upload", "POST", "r9/artifacts/finalize_upload/", false, "required"),
            new Op("prepare-direct-uploads-task-run", "tasksrunsartifactsprepareuploadcreate", "/r9/artifacts/prepare-upload", "POST", "r9/artifacts/prepare_upload/", false, "required"),
            new Op("generate-presigned-url-artifact", "tasksrunsartifactspresigncreate", "/r9/artifacts/presign", "POST", "r9/artifacts/presign/", false, "required"),
            new Op("send-command-agent-server", "tasksrunscommandcreate", "/r9/command", "POST", "r9/command/", false, "required"),
            new Op("get-sandbox-connection-token", "tasksrunsconnectiontokenretrieve", "/r9/connection-token", "GET", "r9/connection_token/", false, "none"),
            new Op("get-task-run-logs", "tasksrunslogsretrieve", "/r9/logs", "GET", "r9/logs/", false, "none"),
            new Op("relay-run-message-slack", "tasksrunsrelaymessagecreate", "/r9/relay-message", "POST", "r9/relay_message/", false, "required"),
            new Op("resume-task-run-cloud", "tasksrunsresumeincloudcreate", "/r9/resume-in-cloud", "POST", "r9/resume_in_cloud/", false, "none"),
            new Op("get-filtered-task-run-session", "tasksrunssessionlogsretrieve", "/r9/session-logs", "GET", "r9/session_logs/", true, "none"),
            new Op("set-run-output", "tasksrunssetoutputpartialupdate", "/r9/set-output", "PATCH", "r9/set_output/", false, "optional"),
            new Op("start-task-run", "tasksrunsstartcreate", "/r9/start", "POST", "r9/start/", false, "optional"),
            new Op("api-managing-task-runs-each-2", "tasksrunsstreamretrieve", "/r9/stream", "GET", "r9/stream/", false, "none"));

    @BeforeAll
    static void plan() {
        upstream = new FakeUpstream();
        Spec spec = naftiko.engine.spec.SpecLoader.load(FILE).spec();
        capability = CapabilityPlanner.plan(spec, new EngineOptions(Map.of("POSTHOG_API_KEY", "phx_secret_key"), Map.of(),
                Map.of("posthog-task-runs", upstream.baseUri() + "/"), false, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    @BeforeEach
    void clear() {
        upstream.clear();
        upstream.answer(FakeUpstream.Reply.json(200, "{\"results\":[],\"count\":0}"));
    }

    static Stream<Arguments> ops() {
        return OPS.stream().map(o -> Arguments.of(o.tool(), o));
    }

    @org.junit.jupiter.api.Test
    void exposesNineteenToolsAndRoutes() {
        assertThat(capability.mcp().get(0).tools()).extracting(Unit::name).containsExactlyElementsOf(OPS.stream().map(Op::tool).toList());
        assertThat(capability.rest().get(0).routes()).extracting(r -> r.unit().name())
                .containsExactlyElementsOf(OPS.stream().map(Op::restName).toList());
    }

    @ParameterizedTest(name = "MCP {0}")
    @MethodSource("ops")
    void mcpToolSendsTheExactUpstreamRequest(String tool, Op op) throws Exception {
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("project_id", Json.parse("\"42\""));
        args.put("task_id", Json.parse("\"t1\""));
        if (!op.upstreamSuffix().isEmpty()) args.put("id", Json.parse("\"r9\""));
        if (op.paged()) args.put("limit", Json.parse("5"));
        if (!op.body().equals("none")) args.put("body", Json.parse("{\"entries\":[{\"m\":\"hi\"}],\"n\":1}"));
        Unit unit = tool(op.tool());
        Outcome out = unit.invoke(naftiko.engine.run.Arguments.of(args), new CallContext("req-1", "mcp")).get(5, TimeUnit.SECONDS);
        assertRequest(op);
        assertThat(upstream.single().header("x-request-id")).isEqualTo("req-1");
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.bodyText()).isEqualTo("{\"results\":[],\"count\":0}");
        assertThat(out.contentType()).isEqualTo("application/json");
    }

    @ParameterizedTest(name = "REST {0}")
    @MethodSource("ops")
    void restOperationSendsTheExactUpstreamRequest(String tool, Op op) throws Exception {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("project-id", "42");
        vars.put("task-id", "t1");
        if (!op.upstreamSuffix().isEmpty()) vars.put("id", "r9");
        Map<String, List<String>> query = op.paged() ? Map.of("limit", List.of("5")) : Map.of();
        String body = op.body().equals("none") ? "" : "{\"entries\":[{\"m\":\"hi\"}],\"n\":1}";
        InboundRequest req = new InboundRequest(route(op).method(), "/v1/api/projects/42/tasks/t1/runs" + op.restSuffix(), vars, query,
                op.paged() ? "limit=5" : null, Map.of(), Map.of(), body.getBytes(StandardCharsets.UTF_8),
                body.isEmpty() ? null : "application/json", body.isEmpty() ? null : Json.parse(body), null);
        Outcome out = route(op).unit().invoke(naftiko.engine.run.Arguments.of(req), new CallContext(null, "rest")).get(5, TimeUnit.SECONDS);
        assertRequest(op);
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.bodyText()).isEqualTo("{\"results\":[],\"count\":0}");
        assertThat(route(op).unit().consumesJsonBody()).isEqualTo(!op.body().equals("none"));
    }

    @ParameterizedTest(name = "required body {0}")
    @MethodSource("ops")
    void absentBodyIsOmittedOrRejectedBeforeAnyCall(String tool, Op op) throws Exception {
        if (op.body().equals("none")) return;
        Map<String, JsonNode> args = new LinkedHashMap<>();
        args.put("project_id", Json.parse("\"42\""));
        args.put("task_id", Json.parse("\"t1\""));
        args.put("id", Json.parse("\"r9\""));
        var f = tool(op.tool()).invoke(naftiko.engine.run.Arguments.of(args), new CallContext(null, "mcp"));
        if (op.body().equals("required")) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UnitFailure.class)
                    .cause().hasMessage("missing required argument body");
            assertThat(upstream.requests()).isEmpty();
        } else {
            f.get(5, TimeUnit.SECONDS);
            assertThat(upstream.single().body()).isEmpty();
            assertThat(upstream.single().header("content-type")).isNull();
        }
    }

    private void assertRequest(Op op) {
        FakeUpstream.Recorded r = upstream.single();
        assertThat(r.method()).isEqualTo(op.method());
        assertThat(r.path()).isEqualTo("/api/projects/42/tasks/t1/runs/" + op.upstreamSuffix());
        assertThat(r.rawQuery()).isEqualTo(op.paged() ? "limit=5" : null);
        assertThat(r.header("authorization")).isEqualTo("Bearer phx_secret_key");
        assertThat(r.header("user-agent")).startsWith("naftiko/");
        if (op.body().equals("none")) {
            assertThat(r.body()).isEmpty();
        } else {
            assertThat(r.bodyText()).isEqualTo("{\"entries\":[{\"m\":\"hi\"}],\"n\":1}");
            assertThat(r.header("content-type")).isEqualTo("application/json");
        }
    }

    static Unit tool(String name) {
        return capability.mcp().get(0).tools().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    static RestEndpoint.RestRoute route(Op op) {
        return capability.rest().get(0).routes().stream().filter(r -> r.unit().name().equals(op.restName())).findFirst().orElseThrow();
    }
}
