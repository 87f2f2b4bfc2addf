package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.testing.FaultyUpstream;
import naftiko.engine.testing.FaultyUpstream.Fault;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 5 over MCP: the bundled capability's tools in front of an upstream that misbehaves.
 * Each fault gives one exact tool result ({@code isError: true} and its text); the server keeps
 * answering other calls while a faulty one is in progress.
 */
class McpFaultInjectionTest {

    private static final String VERSION = "2025-06-18";

    /** A started MCP server over the bundled capability, and an initialised raw client session. */
    private record Mcp(StreamableHttpServer server, RawMcp raw, String session) implements AutoCloseable {
        static Mcp start(String upstream, Duration timeout, Map<String, String> env) {
            ServeOptions options = new ServeOptions(null, Map.of(Posthog.MCP_NAMESPACE, 0), ServeOptions.DEFAULT_MAX_BODY_BYTES,
                    false, Duration.ofSeconds(1));
            var server = (StreamableHttpServer) McpServers.create(Posthog.plan(upstream, timeout, env), options).get(0);
            server.start();
            RawMcp raw = new RawMcp(server.url());
            return new Mcp(server, raw, raw.initialize(VERSION));
        }

        String callBody(int id, String tool, String args) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                    + "\",\"arguments\":" + args + "}}";
        }

        JsonNode call(int id, String tool, String args) {
            return RawMcp.json(raw.post(callBody(id, tool, args), "Mcp-Session-Id", session, "MCP-Protocol-Version", VERSION));
        }

        CompletableFuture<JsonNode> callAsync(int id, String tool, String args) {
            return CompletableFuture.supplyAsync(() -> call(id, tool, args));
        }

        @Override
        public void close() {
            server.stop(Duration.ZERO);
        }
    }

    private static final String GET_RUN = "api-managing-task-runs-each";
    private static final String RUN_ARGS = "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\"}";
    private static final String OTHER_ARGS = "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"ok\"}";

    private static FaultyUpstream upstream(Fault fault) {
        return new FaultyUpstream().answer(line -> line.contains("/runs/r9/") ? fault : Fault.json(200, "{\"id\":\"ok\"}"));
    }

    private static void assertHealthy(Mcp mcp, int id) {
        JsonNode other = mcp.call(id, GET_RUN, OTHER_ARGS);
        assertThat(other.at("/result/isError").asBoolean()).isFalse();
        assertThat(other.at("/result/content/0/text").asText()).isEqualTo("{\"id\":\"ok\"}");
    }

    /** The faulty call's tool-result text, after checking that other calls are served meanwhile and after. */
    private static String faultedText(Fault fault, Duration timeout) throws Exception {
        try (FaultyUpstream up = upstream(fault); Mcp mcp = Mcp.start(up.baseUri(), timeout, Map.of())) {
            CompletableFuture<JsonNode> faulty = mcp.callAsync(7, GET_RUN, RUN_ARGS);
            assertHealthy(mcp, 8);
            JsonNode reply = faulty.get(30, TimeUnit.SECONDS);
            assertThat(reply.get("id").asInt()).isEqualTo(7);
            assertThat(reply.has("error")).as("a tool failure is a result, not a JSON-RPC error").isFalse();
            assertThat(reply.at("/result/isError").asBoolean()).isTrue();
            assertHealthy(mcp, 9);
            return reply.at("/result/content/0/text").asText();
        }
    }

    @Test
    void droppedConnection() throws Exception {
        assertThat(faultedText(new Fault.Drop(), Duration.ofSeconds(5)))
                .isEqualTo("Upstream Protocol Error: upstream 'posthog-task-runs' broke the HTTP exchange");
    }

    @Test
    void resetMidBody() throws Exception {
        assertThat(faultedText(new Fault.ResetMidBody(), Duration.ofSeconds(5)))
                .isEqualTo("Upstream Protocol Error: upstream 'posthog-task-runs' broke the HTTP exchange");
    }

    @Test
    void stall() throws Exception {
        assertThat(faultedText(new Fault.Stall(), Duration.ofMillis(700)))
                .isEqualTo("Upstream Timeout: upstream 'posthog-task-runs' did not answer within 700 ms");
    }

    @Test
    void hugeBody() throws Exception {
        assertThat(faultedText(new Fault.Huge(12L * 1024 * 1024), Duration.ofSeconds(10)))
                .isEqualTo("Upstream Response Too Large: upstream 'posthog-task-runs' answered a body larger than 10485760 bytes,"
                        + " the response size limit (NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES)");
    }

    @Test
    void upstream503() throws Exception {
        assertThat(faultedText(Fault.json(503, "{\"detail\":\"busy\"}"), Duration.ofSeconds(5)))
                .isEqualTo("Upstream returned HTTP 503: {\"detail\":\"busy\"}");
    }

    @Test
    void invalidJsonIsRelayedAsText() throws Exception {
        try (FaultyUpstream up = upstream(Fault.json(200, "{\"id\": \"r9\", ")); Mcp mcp = Mcp.start(up.baseUri(), Duration.ofSeconds(5), Map.of())) {
            JsonNode reply = mcp.call(3, GET_RUN, RUN_ARGS);
            assertThat(reply.at("/result/isError").asBoolean()).isFalse();
            assertThat(reply.at("/result/content/0/text").asText()).isEqualTo("{\"id\": \"r9\", ");
            assertThat(reply.at("/result/structuredContent").isMissingNode()).isTrue();
            assertHealthy(mcp, 4);
        }
    }

    @Test
    void upstreamDownIsErrorThenCircuitOpenThenRecovery() throws Exception {
        try (FaultyUpstream up = new FaultyUpstream();
             Mcp mcp = Mcp.start(up.baseUri(), Duration.ofSeconds(5), Map.of("NAFTIKO_UPSTREAM_BREAKER_COOLDOWN", "3s",
                     "NAFTIKO_UPSTREAM_BREAKER_FAILURES", "2"))) {
            up.stopListening();
            JsonNode down = mcp.call(1, GET_RUN, RUN_ARGS);
            assertThat(down.at("/result/isError").asBoolean()).as(down.toString()).isTrue();
            assertThat(down.at("/result/content/0/text").asText())
                    .isEqualTo("Upstream Unreachable: upstream 'posthog-task-runs' is unreachable");
            mcp.call(2, GET_RUN, RUN_ARGS);
            JsonNode open = mcp.call(3, GET_RUN, RUN_ARGS);
            assertThat(open.at("/result/isError").asBoolean()).as(open.toString()).isTrue();
            assertThat(open.at("/result/content/0/text").asText()).isEqualTo("Upstream Unavailable: upstream 'posthog-task-runs'"
                    + " is failing; calls are refused for up to 3 s before it is tried again");

            up.listenAgain();
            JsonNode back = null;
            // The cool-down is long enough that call 3 lands inside it even on a loaded machine;
            // recovery is then polled (bounded) until the half-open probe closes the breaker.
            for (int i = 0; i < 200 && (back == null || back.at("/result/isError").asBoolean()); i++) {
                Thread.sleep(100);
                back = mcp.call(10 + i, GET_RUN, RUN_ARGS);
            }
            assertThat(back.at("/result/isError").asBoolean()).isFalse();
            assertThat(back.at("/result/content/0/text").asText()).isEqualTo("{\"ok\":true}");
        }
    }
}
