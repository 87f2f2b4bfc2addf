package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.methods.Paging;
import naftiko.mcp.stdio.StdioServer;
import org.junit.jupiter.api.Test;

class StdioServerTest {

    @Test
    void answersLineByLineAndEndsAtEndOfInput() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}\n"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                + "\n"
                + "not json\n"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"tool-0\"}}\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CountDownLatch ended = new CountDownLatch(1);
        var endpoint = Fixtures.endpoint(List.of(FakeTool.named("tool-0")), List.of(), List.of());
        StdioServer server = new StdioServer(endpoint, McpProtocol.dispatcher(endpoint, Paging.DEFAULT_PAGE_SIZE),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, ended::countDown, Duration.ofSeconds(5));
        server.start();
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"protocolVersion\":\"2025-06-18\"");
        assertThat(lines.get(1)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: the message is not valid JSON\"}}");
        assertThat(lines.get(2)).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"tool\\\":\\\"tool-0\\\"}\"}],"
                + "\"isError\":false,\"structuredContent\":{\"tool\":\"tool-0\"}}}");
        assertThat(server.describe()).containsExactly("MCP test-mcp stdio (1 tool)");
    }

    @Test
    void processExitsCleanlyAtEndOfInputWithOnlyProtocolOnStdout() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // stderr goes to a file: an undrained pipe could block the child on a slow machine.
            Path err = Files.createTempFile("naftiko-stdio", ".err");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    StdioFixtureMain.class.getName(), upstream.baseUri()).redirectError(err.toFile()).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n".getBytes(StandardCharsets.UTF_8));
            }
            List<String> stdout;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                stdout = r.lines().toList();
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(stdout).containsExactly("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            assertThat(stderr).contains("ready: [MCP test-mcp stdio (1 tool)]");
        }
    }
}
