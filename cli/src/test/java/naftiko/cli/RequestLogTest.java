package naftiko.cli;

import static naftiko.cli.OperateFixture.capability;
import static naftiko.cli.OperateFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import naftiko.engine.log.LogFormat;
import naftiko.engine.testing.FakeUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** One log line per request, as text or JSON: id, adapter, unit, status, upstream status, duration; no secret. */
class RequestLogTest {

    @TempDir
    Path dir;
    @TempDir
    Path other;

    private RunSession session;

    @AfterEach
    void stop() {
        if (session != null) session.close();
        OperateFixture.restoreLog();
    }

    private int start(FakeUpstream upstream) throws Exception {
        Path file = write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(file.toString(), "--env-file", OperateFixture.envFile(other).toString());
        session = RunSession.start(cmd, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return session.fleet().restServers().get(0).port();
    }

    private static HttpResponse<String> get(int port, String pathAndQuery) throws Exception {
        return OperateFixture.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("X-Request-Id", "req-42").header("Authorization", "Bearer " + OperateFixture.SECRET)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> requestLines(ByteArrayOutputStream log) throws InterruptedException {
        // The line is written when the exchange completes, just after the client has the response.
        OperateFixture.eventually(5, () -> OperateFixture.text(log).contains("request"));
        return OperateFixture.text(log).lines().filter(l -> l.contains("request")).toList();
    }

    @Test
    void textLinesHaveTheFieldsAndNoSecret() throws Exception {
        ByteArrayOutputStream log = OperateFixture.captureLog(LogFormat.TEXT);
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.answer(FakeUpstream.Reply.json(201, "{\"ok\":true}"));
            int port = start(upstream);
            assertThat(get(port, "/alpha/items/5?token=" + OperateFixture.SECRET).statusCode()).isEqualTo(201);
            assertThat(OperateFixture.eventually(5, () -> OperateFixture.text(log).contains("request_id=req-42"))).isTrue();
            String line = OperateFixture.text(log).lines().filter(l -> l.contains("request_id=req-42")).findFirst().orElseThrow();
            assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ INFO request request_id=req-42 adapter=rest"
                    + " unit=\"GET /alpha/items/\\{id}\" method=GET path=/alpha/items/5 status=201 upstream_status=201 duration_ms=\\d+\\.\\d");
            assertThat(OperateFixture.text(log)).contains("INFO mounted file=").doesNotContain(OperateFixture.SECRET);
        }
    }

    @Test
    void jsonLinesHaveTheFieldsForRestAndMcpAndNoSecret() throws Exception {
        ByteArrayOutputStream log = OperateFixture.captureLog(LogFormat.JSON);
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.answer(FakeUpstream.Reply.json(503, "{\"down\":true}"));
            int port = start(upstream);
            assertThat(get(port, "/alpha/items/5").statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(get(port, "/nowhere").statusCode()).isEqualTo(404);
            assertThat(OperateFixture.eventually(5, () -> OperateFixture.text(log).contains("/nowhere"))).isTrue();
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = requestLines(log).stream().map(l -> {
                try {
                    return json.readTree(l);
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l);
                }
            }).filter(n -> "request".equals(n.path("event").asText())).toList();
            JsonNode first = lines.get(0);
            assertThat(first.path("level").asText()).isEqualTo("info");
            assertThat(first.path("request_id").asText()).isEqualTo("req-42");
            assertThat(first.path("adapter").asText()).isEqualTo("rest");
            assertThat(first.path("unit").asText()).isEqualTo("GET /alpha/items/{id}");
            assertThat(first.path("upstream_status").asText()).isEqualTo("503");
            assertThat(first.path("duration_ms").asText()).matches("\\d+\\.\\d");
            JsonNode missing = lines.get(1);
            assertThat(missing.path("status").asText()).isEqualTo("404");
            assertThat(missing.path("unit").asText()).isEqualTo("-");
            assertThat(missing.path("upstream_status").asText()).isEqualTo("-");
            assertThat(OperateFixture.text(log)).doesNotContain(OperateFixture.SECRET);

            // MCP: one line per JSON-RPC request, the tool as unit.
            String mcp = "http://127.0.0.1:" + session.fleet().mcpServers().get(0).port() + "/mcp";
            String id = McpFolderTest.initialize(mcp);
            McpFolderTest.post(mcp, id, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                    + "{\"name\":\"alpha-get-item\",\"arguments\":{\"id\":\"9\"}}}");
            assertThat(OperateFixture.eventually(5, () -> OperateFixture.text(log).contains("alpha-get-item"))).isTrue();
            JsonNode tool = json.readTree(OperateFixture.text(log).lines().filter(l -> l.contains("alpha-get-item"))
                    .findFirst().orElseThrow());
            assertThat(tool.path("adapter").asText()).isEqualTo("mcp");
            assertThat(tool.path("method").asText()).isEqualTo("tools/call");
            assertThat(tool.path("status").asText()).isEqualTo("tool-error"); // the upstream said 503
            assertThat(tool.path("upstream_status").asText()).isEqualTo("503");
            assertThat(tool.path("request_id").asText()).isNotBlank();
            assertThat(OperateFixture.text(log)).doesNotContain(OperateFixture.SECRET);
        }
    }
}
