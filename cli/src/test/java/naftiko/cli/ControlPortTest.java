package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.rest.RestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code naftiko run --control-port}: health, readiness, status and metrics over real sockets. */
class ControlPortTest {
    private static final String SECRET = "phx_control_test_secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** {@code name{labels} value}: one sample line of the text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{([^}]*)} (\\S+)$");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private RunSession start(String... args) throws RunSession.Abort {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(args);
        return RunSession.start(cmd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> mcp(String url, String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) b.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sample value by {@code name{labels}} (labels as written), from the whole exposition. */
    private static Map<String, Double> samples(String exposition) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) continue;
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("sample line: %s", line).isTrue();
            out.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
        }
        return out;
    }

    @Test
    void healthStatusAndMetricsAfterTraffic(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("test.env");
        Files.writeString(env, "POSTHOG_API_KEY=" + SECRET + "\n");
        Path file = Path.of(System.getProperty("naftiko.repo.root", ".."), "capabilities", "posthog-task-runs.yaml");
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(r -> r.path().contains("/runs/r500") ? FakeUpstream.Reply.json(500, "{\"detail\":\"boom\"}")
                    : FakeUpstream.Reply.json(200, "{\"results\": []}"));
            RunSession session = start(file.toString(), "--env-file", env.toString(),
                    "--base-uri", "posthog-task-runs=" + up.baseUri(),
                    "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0", "--control-port", "0");
            try {
                String control = "http://127.0.0.1:" + session.controlPort();
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("control " + control
                        + " /health/live /health/ready /status /metrics");

                HttpResponse<String> live = get(control + "/health/live");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(live.body())).isEqualTo(JSON.readTree("{\"status\":\"UP\"}"));
                HttpResponse<String> ready = get(control + "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("UP");
                assertThat(JSON.readTree(ready.body()).get("adapters")).hasSize(2);

                HttpResponse<String> status = get(control + "/status");
                assertThat(status.statusCode()).isEqualTo(200);
                assertThat(status.body()).doesNotContain(SECRET);
                JsonNode cap = JSON.readTree(status.body()).get("capabilities").get(0);
                assertThat(cap.get("name").asText()).isEqualTo("PostHog API — task-runs");
                assertThat(cap.get("source").asText()).isEqualTo(file.toString());
                assertThat(cap.get("mounted").asBoolean()).isTrue();
                JsonNode rest = cap.get("exposures").get(0);
                RestServer restServer = (RestServer) session.servers().get(0);
                assertThat(rest.get("url").asText()).isEqualTo(restServer.url());
                assertThat(rest.get("routes")).hasSize(19);
                assertThat(rest.get("routes").get(0).toString()).isEqualTo("{\"method\":\"GET\",\"path\":"
                        + "\"/v1/api/projects/{project-id}/tasks/{task-id}/runs\",\"unit\":\"tasksrunslist\","
                        + "\"target\":\"posthog-task-runs.tasksrunslist\"}");
                JsonNode mcpExposure = cap.get("exposures").get(1);
                assertThat(mcpExposure.get("tools")).hasSize(19);
                assertThat(mcpExposure.get("tools").get(0).asText()).isEqualTo("list-task-runs");

                // traffic: two good REST calls, one relayed upstream 500, one MCP tool call
                String api = restServer.url() + "/v1/api/projects/42/tasks/t1/runs";
                assertThat(get(api).statusCode()).isEqualTo(200);
                assertThat(get(api + "?limit=2").statusCode()).isEqualTo(200);
                assertThat(get(api + "/r500").statusCode()).isEqualTo(500);
                String mcpUrl = ((StreamableHttpServer) session.servers().get(1)).url();
                HttpResponse<String> init = mcp(mcpUrl, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
                String mcpSession = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
                HttpResponse<String> call = mcp(mcpUrl, mcpSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                        + "\"params\":{\"name\":\"list-task-runs\",\"arguments\":{\"project_id\":\"42\",\"task_id\":\"t1\"}}}");
                assertThat(call.statusCode()).isEqualTo(200);
                assertThat(up.requests()).hasSize(4);

                HttpResponse<String> metrics = get(control + "/metrics");
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
                assertThat(metrics.body()).doesNotContain(SECRET).doesNotContain("/v1/api/projects/42");
                Map<String, Double> s = samples(metrics.body());
                String cap1 = "capability=\"PostHog API — task-runs\"";
                assertThat(s.get("naftiko_requests_total{adapter=\"rest\"," + cap1 + ",outcome=\"ok\",unit=\"tasksrunslist\"}"))
                        .isEqualTo(2.0);
                assertThat(s.get("naftiko_requests_total{adapter=\"rest\"," + cap1 + ",outcome=\"upstream_error\",unit=\"tasksrunsretrieve\"}"))
                        .isEqualTo(1.0);
                assertThat(s.get("naftiko_requests_total{adapter=\"mcp\"," + cap1 + ",outcome=\"ok\",unit=\"list-task-runs\"}"))
                        .isEqualTo(1.0);
                assertThat(s.get("naftiko_request_duration_seconds_count{adapter=\"rest\"," + cap1 + ",unit=\"tasksrunslist\"}"))
                        .isEqualTo(2.0);
                assertThat(s.get("naftiko_request_duration_seconds_bucket{adapter=\"rest\"," + cap1 + ",unit=\"tasksrunslist\",le=\"+Inf\"}"))
                        .isEqualTo(2.0);
                assertThat(s.get("naftiko_request_duration_seconds_sum{adapter=\"rest\"," + cap1 + ",unit=\"tasksrunslist\"}"))
                        .isGreaterThan(0.0);
                // upstream side: the list operation was called three times (2 REST, 1 MCP), the retrieve once with a 500
                assertThat(s.get("naftiko_upstream_requests_total{" + cap1 + ",namespace=\"posthog-task-runs\",operation=\"tasksrunslist\",outcome=\"ok\"}"))
                        .isEqualTo(3.0);
                assertThat(s.get("naftiko_upstream_requests_total{" + cap1 + ",namespace=\"posthog-task-runs\",operation=\"tasksrunsretrieve\",outcome=\"upstream_error\"}"))
                        .isEqualTo(1.0);
                assertThat(s.get("naftiko_upstream_request_duration_seconds_count{" + cap1 + ",namespace=\"posthog-task-runs\",operation=\"tasksrunslist\"}"))
                        .isEqualTo(3.0);
                List<String> buckets = s.keySet().stream()
                        .filter(k -> k.startsWith("naftiko_upstream_request_duration_seconds_bucket{" + cap1
                                + ",namespace=\"posthog-task-runs\",operation=\"tasksrunslist\""))
                        .toList();
                assertThat(buckets).hasSize(16); // 15 bounds and +Inf
                // units never called still show a zero count (dashboards see every unit)
                assertThat(s.get("naftiko_requests_total{adapter=\"mcp\"," + cap1 + ",outcome=\"ok\",unit=\"create-task-run\"}"))
                        .isEqualTo(0.0);
            } finally {
                session.close();
            }
            int port = session.controlPort();
            assertThatThrownBy(() -> get("http://127.0.0.1:" + port + "/health/live"))
                    .isInstanceOf(java.net.ConnectException.class); // closed with the session
        }
    }
}
