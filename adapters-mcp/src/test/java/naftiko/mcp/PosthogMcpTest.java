package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bundled capabilities/posthog-task-runs.yaml through the real loader and engine, driven by the
 * official MCP Java SDK client: 19 tools with derived input schemas, and every call's exact
 * upstream request (method, path, query, Authorization, body).
 */
class PosthogMcpTest {

    private static final String RUNS = "/api/projects/42/tasks/t1/runs/";
    private static final String RUN = RUNS + "r9/";
    private static final Map<String, Object> BODY = Map.of("status", "queued");

    /** One tool call and the upstream request it must produce. */
    record Expected(String tool, Map<String, Object> arguments, String method, String target, String body) {}

    private static Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("project_id", "42");
        m.put("task_id", "t1");
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static final List<Expected> CALLS = List.of(
            new Expected("list-task-runs", args("limit", 5), "GET", RUNS + "?limit=5", ""),
            new Expected("create-task-run", args("body", BODY), "POST", RUNS, "{\"status\":\"queued\"}"),
            new Expected("api-managing-task-runs-each", args("id", "r9"), "GET", RUN, ""),
            new Expected("update-task-run", args("id", "r9", "body", BODY), "PATCH", RUN, "{\"status\":\"queued\"}"),
            new Expected("append-log-entries", args("id", "r9", "body", Map.of("entries", List.of("a"))), "POST", RUN + "append_log/",
                    "{\"entries\":[\"a\"]}"),
            new Expected("upload-artifacts-task-run", args("id", "r9", "body", BODY), "POST", RUN + "artifacts/", "{\"status\":\"queued\"}"),
            new Expected("download-artifact-through-backend", args("id", "r9", "body", BODY), "POST", RUN + "artifacts/download/",
                    "{\"status\":\"queued\"}"),
            new Expected("finalize-direct-uploads-task-run", args("id", "r9", "body", BODY), "POST", RUN + "artifacts/finalize_upload/",
                    "{\"status\":\"queued\"}"),
            new Expected("prepare-direct-uploads-task-run", args("id", "r9", "body", BODY), "POST", RUN + "artifacts/prepare_upload/",
                    "{\"status\":\"queued\"}"),
            new Expected("generate-presigned-url-artifact", args("id", "r9", "body", BODY), "POST", RUN + "artifacts/presign/",
                    "{\"status\":\"queued\"}"),
            new Expected("send-command-agent-server", args("id", "r9", "body", BODY), "POST", RUN + "command/", "{\"status\":\"queued\"}"),
            new Expected("get-sandbox-connection-token", args("id", "r9"), "GET", RUN + "connection_token/", ""),
            new Expected("get-task-run-logs", args("id", "r9"), "GET", RUN + "logs/", ""),
            new Expected("relay-run-message-slack", args("id", "r9", "body", BODY), "POST", RUN + "relay_message/", "{\"status\":\"queued\"}"),
            new Expected("resume-task-run-cloud", args("id", "r9"), "POST", RUN + "resume_in_cloud/", ""),
            new Expected("get-filtered-task-run-session", args("id", "r9", "event_types", "log", "limit", 10), "GET",
                    RUN + "session_logs/?event_types=log&limit=10", ""),
            new Expected("set-run-output", args("id", "r9", "body", BODY), "PATCH", RUN + "set_output/", "{\"status\":\"queued\"}"),
            new Expected("start-task-run", args("id", "r9", "body", BODY), "POST", RUN + "start/", "{\"status\":\"queued\"}"),
            new Expected("api-managing-task-runs-each-2", args("id", "r9"), "GET", RUN + "stream/", ""));

    private FakeUpstream upstream;

    @BeforeEach
    void upstream() {
        upstream = new FakeUpstream().answer(FakeUpstream.Reply.json(200, "{\"id\":\"r9\",\"status\":\"queued\"}"));
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    @Test
    void overStreamableHttp() {
        ServeOptions options = new ServeOptions(null, Map.of(Posthog.MCP_NAMESPACE, 0), ServeOptions.DEFAULT_MAX_BODY_BYTES,
                false, Duration.ofSeconds(1));
        var servers = McpServers.create(Posthog.plan(upstream.baseUri()), options);
        assertThat(servers).hasSize(1);
        var server = (StreamableHttpServer) servers.get(0);
        server.start();
        try {
            assertThat(server.describe()).containsExactly("MCP posthog-task-runs-mcp " + server.url() + " (19 tools)");
            exercise(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port()).endpoint("/mcp").build());
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void invalidArgumentsNeverReachTheUpstream() {
        ServeOptions options = new ServeOptions(null, Map.of(Posthog.MCP_NAMESPACE, 0), ServeOptions.DEFAULT_MAX_BODY_BYTES,
                false, Duration.ofSeconds(1));
        var server = (StreamableHttpServer) McpServers.create(Posthog.plan(upstream.baseUri()), options).get(0);
        server.start();
        try {
            RawMcp raw = new RawMcp(server.url());
            String session = raw.initialize("2025-06-18");
            var reply = RawMcp.json(raw.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"list-task-runs\",\"arguments\":{\"task_id\":\"t1\",\"limit\":5}}}",
                    "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(reply.at("/error/message").asText()).contains("project_id");
            assertThat(reply.get("id").asInt()).isEqualTo(3);
            assertThat(upstream.requests()).isEmpty();
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void overStdio() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var params = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), PosthogStdioMain.class.getName(), upstream.baseUri())
                .build();
        exercise(new StdioClientTransport(params, McpJsonDefaults.getMapper()));
    }

    private void exercise(McpClientTransport transport) {
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo(Posthog.MCP_NAMESPACE);
            assertThat(init.serverInfo().title()).isEqualTo("PostHog API — task-runs");
            assertThat(init.serverInfo().version()).isEqualTo(McpProtocol.naftikoVersion()).isNotEqualTo("dev");

            List<McpSchema.Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyElementsOf(CALLS.stream().map(Expected::tool).toList());
            for (McpSchema.Tool tool : tools) checkSchema(tool);

            McpSchema.Tool list = tools.get(0);
            assertThat(list.inputSchema().required()).contains("project_id", "task_id");
            assertThat(property(list, "limit")).containsEntry("type", "integer");
            assertThat(list.annotations().readOnlyHint()).isTrue();
            assertThat(list.annotations().destructiveHint()).isFalse();
            assertThat(list.annotations().idempotentHint()).isTrue();
            assertThat(list.annotations().openWorldHint()).isNull();

            for (Expected e : CALLS) {
                upstream.clear();
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(e.tool(), e.arguments()));
                assertThat(result.isError()).as(e.tool()).isFalse();
                var sent = upstream.single();
                assertThat(sent.method()).as(e.tool()).isEqualTo(e.method());
                assertThat(sent.target()).as(e.tool()).isEqualTo(e.target());
                assertThat(sent.header("authorization")).as(e.tool()).isEqualTo("Bearer " + Posthog.API_KEY);
                assertThat(sent.bodyText()).as(e.tool()).isEqualTo(e.body());
                if (!e.body().isEmpty()) assertThat(sent.header("content-type")).as(e.tool()).startsWith("application/json");
                assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("{\"id\":\"r9\",\"status\":\"queued\"}");
                assertThat(result.structuredContent()).isEqualTo(Map.of("id", "r9", "status", "queued"));
            }

            upstream.clear();
            upstream.answer(FakeUpstream.Reply.json(404, "{\"detail\":\"Not found.\"}"));
            McpSchema.CallToolResult missing = client.callTool(new McpSchema.CallToolRequest("list-task-runs", args()));
            assertThat(missing.isError()).isTrue();
            assertThat(((McpSchema.TextContent) missing.content().get(0)).text())
                    .contains("404").contains("{\"detail\":\"Not found.\"}");
        }
    }

    /** Every tool needs project_id and task_id (path placeholders); run-level tools also id; body typed object. */
    private static void checkSchema(McpSchema.Tool tool) {
        List<String> required = tool.inputSchema().required();
        assertThat(tool.inputSchema().type()).isEqualTo("object");
        assertThat(required).as(tool.name()).contains("project_id", "task_id");
        assertThat(property(tool, "project_id")).as(tool.name()).containsEntry("type", "string");
        boolean runLevel = !tool.name().equals("list-task-runs") && !tool.name().equals("create-task-run");
        if (runLevel) assertThat(required).as(tool.name()).contains("id");
        if (tool.inputSchema().properties().containsKey("body")) {
            assertThat(property(tool, "body")).as(tool.name()).containsEntry("type", "object");
        }
        boolean bodyRequired = List.of("append-log-entries", "upload-artifacts-task-run", "download-artifact-through-backend",
                "finalize-direct-uploads-task-run", "prepare-direct-uploads-task-run", "generate-presigned-url-artifact",
                "send-command-agent-server", "relay-run-message-slack").contains(tool.name());
        assertThat(required.contains("body")).as(tool.name() + " body required").isEqualTo(bodyRequired);
        assertThat(required).as(tool.name()).hasSize((runLevel ? 3 : 2) + (bodyRequired ? 1 : 0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(McpSchema.Tool tool, String name) {
        Object p = tool.inputSchema().properties().get(name);
        assertThat(p).as(tool.name() + "." + name).isInstanceOf(Map.class);
        return (Map<String, Object>) p;
    }
}
