package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 3 over MCP: tool calls that succeed, fail validation, meet upstream 4xx/5xx, time
 * out or find the upstream down, with the bind value {@link Posthog#API_KEY} as the test secret;
 * every log line (stdout, stderr, JUL) and every HTTP answer (headers and body) is searched for it.
 */
class SecretLeakMcpTest {

    private static PrintStream tee(PrintStream original, ByteArrayOutputStream copy) {
        return new PrintStream(new OutputStream() {
            @Override public void write(int b) { copy.write(b); original.write(b); }
            @Override public void write(byte[] b, int off, int len) { copy.write(b, off, len); original.write(b, off, len); }
        }, true, StandardCharsets.UTF_8);
    }

    @Test
    void theApiKeyNeverAppearsInLogsOrAnswers() throws Exception {
        List<String> captured = new ArrayList<>();
        List<String> jul = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) {
                jul.add(r.getLevel() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(handler);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(tee(originalOut, out));
        System.setErr(tee(originalErr, err));
        FakeUpstream up = new FakeUpstream();
        StreamableHttpServer server = (StreamableHttpServer) McpServers.create(
                Posthog.plan(up.baseUri(), Duration.ofSeconds(2), Map.of("NAFTIKO_UPSTREAM_BREAKER_FAILURES", "2")),
                new ServeOptions(null, Map.of(Posthog.MCP_NAMESPACE, 0), ServeOptions.DEFAULT_MAX_BODY_BYTES, false,
                        Duration.ofSeconds(1))).get(0);
        try {
            server.start();
            RawMcp raw = new RawMcp(server.url());
            String session = raw.initialize("2025-06-18");
            String ok = "{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\"}";
            Object[][] calls = {
                    {Reply.json(200, "{\"id\":\"r9\"}"), ok},
                    {Reply.json(200, "{}"), "{\"task_id\":\"t1\"}"},
                    {Reply.json(401, "{\"detail\":\"bad key\"}"), ok},
                    {Reply.text(500, "text/plain", "boom"), ok},
                    {Reply.json(200, "{}").delayed(4000), ok}};
            int id = 1;
            for (Object[] c : calls) {
                up.answer((Reply) c[0]);
                HttpResponse<String> r = raw.post("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"api-managing-task-runs-each\",\"arguments\":" + c[1] + "}}",
                        "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
                captured.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
            }
            up.close();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = raw.post("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"api-managing-task-runs-each\",\"arguments\":" + ok + "}}",
                        "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
                captured.add(r.statusCode() + " " + r.headers().map() + " " + r.body());
            }
            HttpResponse<String> list = raw.post("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tools/list\"}",
                    "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18");
            captured.add(list.body());
        } finally {
            server.stop(Duration.ZERO);
            up.close();
            naftiko.engine.log.EventLog.flush(); // request lines are written by a background thread
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(handler);
            root.setLevel(level);
        }
        String everything = String.join("\n", captured) + out.toString(StandardCharsets.UTF_8)
                + err.toString(StandardCharsets.UTF_8) + String.join("\n", jul);
        assertThat(everything).contains("isError").contains("-32602").contains("Upstream Unavailable");
        assertThat(everything).doesNotContain(Posthog.API_KEY);
    }
}
