package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.testing.FakeUpstream;
import naftiko.rest.RestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code naftiko run} on the bundled capability: output, the must-show request, start-up failures. */
class RunSessionTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Path capability() {
        return Path.of(System.getProperty("naftiko.repo.root", ".."), "capabilities", "posthog-task-runs.yaml");
    }

    private RunSession start(String... args) throws RunSession.Abort {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(args);
        return RunSession.start(cmd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Path envFile(Path dir) throws Exception {
        Path f = dir.resolve("test.env");
        Files.writeString(f, "POSTHOG_API_KEY=k\n");
        return f;
    }

    @Test
    void servesTheBundledCapabilityAndPrintsRoutesThenReady(@TempDir Path dir) throws Exception {
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(FakeUpstream.Reply.json(200, "{\"results\": []}"));
            RunSession session = start(capability().toString(), "--env-file", envFile(dir).toString(),
                    "--base-uri", "posthog-task-runs=" + up.baseUri(),
                    "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0");
            try {
                RestServer rest = (RestServer) session.servers().get(0);
                List<String> lines = stdout();
                assertThat(lines).contains(
                        "GET /v1/api/projects/{project-id}/tasks/{task-id}/runs → posthog-task-runs.tasksrunslist",
                        "POST /v1/api/projects/{project-id}/tasks/{task-id}/runs/{id}/append-log"
                                + " → posthog-task-runs.tasksrunsappendlogcreate");
                assertThat(lines.stream().filter(l -> l.contains(" /v1/api/projects/")).count()).isEqualTo(19);
                assertThat(lines.get(lines.size() - 1))
                        .isEqualTo("naftiko ready: REST http://127.0.0.1:" + rest.port() + " (19 routes)");

                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + rest.port() + "/v1/api/projects/42/tasks/t1/runs?limit=5"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(up.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5");
                assertThat(up.single().header("authorization")).isEqualTo("Bearer k");
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("{\"results\": []}");
            } finally {
                session.close();
            }
            assertThat(stderr()).doesNotContain("Bearer k");
        }
    }

    @Test
    void aBundledCapabilityRunsByName(@TempDir Path dir) throws Exception {
        RunSession session = start("posthog-task-runs", "--env-file", envFile(dir).toString(),
                "--base-uri", "posthog-task-runs=http://127.0.0.1:9",
                "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0");
        try {
            List<String> lines = stdout();
            assertThat(lines.get(lines.size() - 1)).startsWith("naftiko ready: REST http://127.0.0.1:").endsWith(" (19 routes)");
        } finally {
            session.close();
        }
    }

    @Test
    void dryRunNeedsNeitherKeyNorBaseUriAndAnswersWithTheRequest() throws Exception {
        RunSession session = start(capability().toString(), "--dry-run",
                "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0");
        try {
            RestServer rest = (RestServer) session.servers().get(0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + rest.port() + "/v1/api/projects/42/tasks/t1/runs/r9/append-log"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"entries\":[1]}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(r.body()).contains("POST").contains("/api/projects/42/tasks/t1/runs/r9/append_log/");
        } finally {
            session.close();
        }
    }

    @Test
    void portInUseIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(capability().toString(), "--env-file", envFile(dir).toString(),
                    "--base-uri", "posthog-task-runs=http://127.0.0.1:9",
                    "--port", "posthog-task-runs-rest=" + taken.getLocalPort(), "--port", "posthog-task-runs-mcp=0"))
                    .isInstanceOfSatisfying(RunSession.Abort.class, a -> assertThat(a.exitCode()).isEqualTo(2));
            assertThat(stderr()).contains("naftiko run: REST exposure 'posthog-task-runs-rest' cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": address already in use (choose another port with --port posthog-task-runs-rest=PORT)");
            assertThat(stdout()).isEmpty();
        }
    }

    @Test
    void missingVariableIsOnePlanLineAndExitTwo() {
        assumeThat(System.getenv("POSTHOG_API_KEY")).isNull();
        assertThatThrownBy(() -> start(capability().toString(), "--base-uri", "posthog-task-runs=http://127.0.0.1:9"))
                .isInstanceOfSatisfying(RunSession.Abort.class, a -> assertThat(a.exitCode()).isEqualTo(2));
        List<String> lines = new ArrayList<>(stderr().lines().filter(l -> l.startsWith("naftiko run:")).toList());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("POSTHOG_API_KEY");
    }

    @Test
    void fileWithErrorsPrintsDiagnosticsAndExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "naftiko: 1.0.0-alpha2\ncapability:\n  exposes: 12\n");
        assertThatThrownBy(() -> start(bad.toString()))
                .isInstanceOfSatisfying(RunSession.Abort.class, a -> assertThat(a.exitCode()).isEqualTo(2));
        assertThat(stderr()).contains(bad.toString() + ":").contains("error")
                .contains("naftiko run: " + bad + " has errors; nothing started");
        assertThat(stdout()).isEmpty();
    }
}
