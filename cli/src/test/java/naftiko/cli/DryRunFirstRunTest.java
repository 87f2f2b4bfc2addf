package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import naftiko.engine.log.LogFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The zero-configuration first run: the bundled capability with --dry-run, no key, no base URI. */
class DryRunFirstRunTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private RunSession session;

    @AfterEach
    void stop() {
        if (session != null) session.close();
        OperateFixture.restoreLog();
    }

    private static Path capability() {
        return Path.of(System.getProperty("naftiko.repo.root", ".."), "capabilities", "posthog-task-runs.yaml");
    }

    @Test
    void restAndMcpAnswerWithTheWouldBeRequestAndStartUpSaysWhatToSet() throws Exception {
        OperateFixture.captureLog(LogFormat.TEXT);
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(capability().toString(), "--dry-run",
                "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0");
        session = RunSession.start(cmd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String startup = out.toString(StandardCharsets.UTF_8);
        if (System.getenv("POSTHOG_API_KEY") == null) {
            assertThat(startup).contains("unset bind shown as <unset:POSTHOG_API_KEY>: for a real run, export POSTHOG_API_KEY=...");
        }
        assertThat(startup).contains("empty base URI shown as <base-uri:posthog-task-runs>: for a real run, pass"
                + " --base-uri posthog-task-runs=URL (or export NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS=URL)");

        int rest = session.fleet().restServers().get(0).port();
        HttpResponse<String> r = OperateFixture.get("http://127.0.0.1:" + rest + "/v1/api/projects/42/tasks/t1/runs?limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"method\":\"GET\"")
                .contains("<base-uri:posthog-task-runs>/api/projects/42/tasks/t1/runs/?limit=5");

        int mcp = session.fleet().mcpServers().get(0).port();
        String url = "http://127.0.0.1:" + mcp + "/mcp";
        HttpResponse<String> init = post(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String tools = post(url, id, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").body();
        String tool = tools.replaceAll("(?s).*?\"name\":\"([^\"]+)\".*", "$1");
        String call = post(url, id, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":{\"project_id\":\"42\",\"task_id\":\"t1\",\"id\":\"r9\"}}}").body();
        assertThat(call).contains("<base-uri:posthog-task-runs>/api/projects/42/tasks/t1/runs");
        if (System.getenv("POSTHOG_API_KEY") == null) assertThat(call).contains("<unset:POSTHOG_API_KEY>");
    }

    private static HttpResponse<String> post(String url, String session, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) b.header("Mcp-Session-Id", session);
        return OperateFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
