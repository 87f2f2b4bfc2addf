package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code naftiko call} end to end against a fake upstream: the "Must show" list and the exit codes. */
class CallCommandTest {
    static final String FILE = "../capabilities/posthog-task-runs.yaml";
    FakeUpstream upstream;
    String stdout;
    String stderr;

    @BeforeEach
    void start() {
        upstream = new FakeUpstream().answer(FakeUpstream.Reply.json(200, "{\"results\":[{\"id\":\"r1\"}]}"));
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    int call(Map<String, String> env, String... args) {
        CallCommand cmd = new CallCommand();
        new CommandLine(cmd).parseArgs(args);
        cmd.environment = env;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cmd.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    String[] listTaskRuns(String... extra) {
        List<String> a = new ArrayList<>(List.of(FILE, "list-task-runs", "--base-uri", "posthog-task-runs=" + upstream.baseUri(),
                "--arg", "project_id=42", "--arg", "task_id=t1", "--arg", "limit=5"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void listTaskRunsMakesExactlyTheRequestAndPrintsTheBody() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), listTaskRuns());
        assertThat(code).isEqualTo(0);
        FakeUpstream.Recorded r = upstream.single();
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5");
        assertThat(r.header("authorization")).isEqualTo("Bearer k");
        assertThat(stdout).isEqualTo("{\"results\":[{\"id\":\"r1\"}]}\n");
        assertThat(stderr).isEmpty();
    }

    @Test
    void dryRunPrintsTheRequestWithTheTokenRedactedAndContactsNothing() throws Exception {
        int code = call(Map.of("POSTHOG_API_KEY", "k_secret_token"), listTaskRuns("--dry-run"));
        assertThat(code).isEqualTo(0);
        assertThat(upstream.requests()).isEmpty();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout);
        assertThat(json.path("method").asText()).isEqualTo("GET");
        assertThat(json.path("url").asText()).isEqualTo(upstream.baseUri() + "/api/projects/42/tasks/t1/runs/?limit=5");
        assertThat(json.path("headers").path("Authorization").asText()).isEqualTo("Bearer ***");
        assertThat(stdout).doesNotContain("k_secret_token");
    }

    @Test
    void slashAndQuestionMarkReachTheUpstreamAsOneSegment() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "api-managing-task-runs-each", "--base-uri",
                "posthog-task-runs=" + upstream.baseUri(), "--arg", "project_id=42", "--arg", "task_id=t1", "--arg", "id=a/b?c");
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().path()).isEqualTo("/api/projects/42/tasks/t1/runs/a%2Fb%3Fc/");
        assertThat(upstream.single().rawQuery()).isNull();
    }

    @Test
    void missingApiKeyIsExit2WithOneLineSayingWhatToSet() {
        int code = call(Map.of(), listTaskRuns());
        assertThat(code).isEqualTo(2);
        assertThat(stderr.lines().count()).isEqualTo(1);
        assertThat(stderr).contains("missing variable POSTHOG_API_KEY").contains("export POSTHOG_API_KEY");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void missingBaseUriIsExit2NamingBothKnobs() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "list-task-runs", "--arg", "project_id=42", "--arg", "task_id=t1");
        assertThat(code).isEqualTo(2);
        assertThat(stderr).isEqualTo("naftiko call: no base URI for posthog-task-runs: pass --base-uri posthog-task-runs=URL"
                + " or set NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS\n");
    }

    @Test
    void baseUriFromTheEnvironment() {
        int code = call(Map.of("POSTHOG_API_KEY", "k", "NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS", upstream.baseUri()),
                FILE, "list-task-runs", "--arg", "project_id=42", "--arg", "task_id=t1");
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/");
    }

    @Test
    void envFileSuppliesTheKey(@TempDir Path dir) throws Exception {
        Path env = dir.resolve("posthog.env");
        Files.writeString(env, "# local\nPOSTHOG_API_KEY=from_file\n");
        int code = call(Map.of(), listTaskRuns("--env-file", env.toString()));
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().header("authorization")).isEqualTo("Bearer from_file");
    }

    @Test
    void upstreamErrorStatusIsExit1AndTheBodyIsStillPrinted() {
        upstream.answer(FakeUpstream.Reply.json(404, "{\"detail\":\"Not found.\"}"));
        int code = call(Map.of("POSTHOG_API_KEY", "k"), listTaskRuns());
        assertThat(code).isEqualTo(1);
        assertThat(stdout).isEqualTo("{\"detail\":\"Not found.\"}\n");
        assertThat(stderr).isEqualTo("naftiko call: upstream answered HTTP 404\n");
    }

    @Test
    void unreachableUpstreamIsExit1() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "list-task-runs", "--base-uri", "posthog-task-runs=http://127.0.0.1:1",
                "--arg", "project_id=42", "--arg", "task_id=t1");
        assertThat(code).isEqualTo(1);
        assertThat(stderr).isEqualTo("naftiko call: upstream 'posthog-task-runs' is unreachable\n");
    }

    @Test
    void missingRequiredArgumentIsExit2() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "list-task-runs", "--base-uri", "posthog-task-runs=" + upstream.baseUri(),
                "--arg", "task_id=t1");
        assertThat(code).isEqualTo(2);
        assertThat(stderr).isEqualTo("naftiko call: missing required argument project_id\n");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void argIsTypedOnlyWhereTheSchemaSaysSo() {
        assertThat(CallCommand.typed("42", "string").isTextual()).isTrue();
        assertThat(CallCommand.typed("5", "integer").isInt()).isTrue();
        assertThat(CallCommand.typed("five", "integer").isTextual()).isTrue();
        assertThat(CallCommand.typed("true", "boolean").isBoolean()).isTrue();
        assertThat(CallCommand.typed("{\"a\":1}", "object").isObject()).isTrue();
    }

    @Test
    void methodAndPathTargetMatchesTheRestRoute() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "GET /v1/api/projects/42/tasks/t1/runs?limit=5",
                "--base-uri", "posthog-task-runs=" + upstream.baseUri());
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5");
    }

    @Test
    void restOperationByNameTakesRouteVariablesAndQueryFromArgs() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "tasksrunslist", "--base-uri", "posthog-task-runs=" + upstream.baseUri(),
                "--arg", "project-id=42", "--arg", "task_id=t1", "--arg", "limit=5");
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5");
    }

    @Test
    void jsonGivesTheBody() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "POST /v1/api/projects/42/tasks/t1/runs/r9/append-log",
                "--base-uri", "posthog-task-runs=" + upstream.baseUri(), "--json", "{\"entries\":[{\"m\":\"x\"}]}");
        assertThat(code).isEqualTo(0);
        assertThat(upstream.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/r9/append_log/");
        assertThat(upstream.single().bodyText()).isEqualTo("{\"entries\":[{\"m\":\"x\"}]}");
    }

    @Test
    void unknownTargetIsExit2() {
        int code = call(Map.of("POSTHOG_API_KEY", "k"), FILE, "nope", "--base-uri", "posthog-task-runs=" + upstream.baseUri());
        assertThat(code).isEqualTo(2);
        assertThat(stderr).startsWith("naftiko call: no MCP tool or REST operation named 'nope'; known: list-task-runs,");
    }

    @Test
    void missingFileIsExit2() {
        assertThat(call(Map.of(), "nowhere.yaml", "x")).isEqualTo(2);
        assertThat(stderr).isEqualTo("naftiko call: nowhere.yaml: no such file\n");
    }

    @Test
    void usageErrorFromPicocliIsExit2() {
        assertThat(Main.execute("call")).isEqualTo(2);
    }
}
