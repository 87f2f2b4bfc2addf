package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code naftiko inspect} on the bundled PostHog capability: what would be mounted, without secrets. */
class InspectCommandTest {
    private static final String FILE = Path.of(System.getProperty("naftiko.repo.root", ".."), "capabilities",
            "posthog-task-runs.yaml").toString();

    String stdout;
    String stderr;

    int inspect(Map<String, String> env, String... args) {
        InspectCommand cmd = new InspectCommand();
        new CommandLine(cmd).parseArgs(args);
        cmd.environment = env;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = cmd.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void textListsRoutesToolsMissingBindsAndThePlaceholderBaseUri() {
        assertThat(inspect(Map.of(), FILE)).isEqualTo(0);
        assertThat(stderr).isEmpty();
        List<String> lines = stdout.lines().toList();
        assertThat(lines.subList(0, 9)).containsExactly(
                "capability: PostHog API — task-runs (" + FILE + ")",
                "",
                "upstreams:",
                "  posthog-task-runs <base-uri:posthog-task-runs> (missing: pass --base-uri posthog-task-runs=URL"
                        + " or set NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS)",
                "",
                "binds:",
                "  POSTHOG_API_KEY from env POSTHOG_API_KEY: MISSING",
                "",
                "REST posthog-task-runs-rest on 127.0.0.1:8080 (19 routes):");
        assertThat(lines.get(9)).isEqualTo(
                "  GET /v1/api/projects/{project-id}/tasks/{task-id}/runs → posthog-task-runs.tasksrunslist");
        assertThat(lines.stream().filter(l -> l.matches("  (GET|POST|PATCH|PUT|DELETE) /v1/.* → posthog-task-runs\\.\\w+")))
                .hasSize(19);
        int mcp = lines.indexOf("MCP posthog-task-runs-mcp on http://127.0.0.1:9090/mcp (19 tools):");
        assertThat(mcp).isEqualTo(29);
        assertThat(lines.get(mcp + 1)).isEqualTo("  list-task-runs → posthog-task-runs.tasksrunslist — List task runs");
        assertThat(lines.get(mcp + 2)).isEqualTo("    input: {\"type\":\"object\",\"properties\":{"
                + "\"limit\":{\"type\":\"integer\",\"description\":\"Number of results to return per page.\"},"
                + "\"offset\":{\"type\":\"integer\",\"description\":\"The initial index from which to return the results.\"},"
                + "\"task_id\":{\"type\":\"string\"},"
                + "\"project_id\":{\"type\":\"string\",\"description\":\"Path parameter project_id\"}},"
                + "\"required\":[\"task_id\",\"project_id\"]}");
        assertThat(lines.stream().filter(l -> l.startsWith("    input: {")).count()).isEqualTo(19);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("control: none (pass --control-port PORT to run)");
    }

    @Test
    void jsonShowsOverridesAndWhichBindsAreSetButNeverTheirValues() throws Exception {
        assertThat(inspect(Map.of("POSTHOG_API_KEY", "phx_never_printed"), FILE, "--format", "json",
                "--base-uri", "posthog-task-runs=https://user:pw@eu.posthog.com")).isEqualTo(0);
        assertThat(stdout).doesNotContain("phx_never_printed").doesNotContain("user:pw");
        JsonNode o = new ObjectMapper().readTree(stdout);
        assertThat(o.get("capability").asText()).isEqualTo("PostHog API — task-runs");
        assertThat(o.get("upstreams").toString()).isEqualTo("[{\"namespace\":\"posthog-task-runs\","
                + "\"baseUri\":\"https://***@eu.posthog.com\",\"from\":\"--base-uri\"}]");
        assertThat(o.get("binds").toString()).isEqualTo("[{\"namespace\":\"env\",\"variable\":\"POSTHOG_API_KEY\","
                + "\"from\":\"env POSTHOG_API_KEY\",\"set\":true}]");
        JsonNode rest = o.get("rest").get(0);
        assertThat(rest.get("port").asInt()).isEqualTo(8080);
        assertThat(rest.get("routes")).hasSize(19);
        assertThat(rest.get("routes").get(18).toString()).isEqualTo("{\"method\":\"GET\","
                + "\"path\":\"/v1/api/projects/{project-id}/tasks/{task-id}/runs/{id}/stream\","
                + "\"unit\":\"tasksrunsstreamretrieve\",\"target\":\"posthog-task-runs.tasksrunsstreamretrieve\"}");
        JsonNode mcp = o.get("mcp").get(0);
        assertThat(mcp.get("transport").asText()).isEqualTo("http");
        assertThat(mcp.get("port").asInt()).isEqualTo(9090);
        assertThat(mcp.get("tools")).hasSize(19);
        JsonNode append = mcp.get("tools").get(4);
        assertThat(append.get("name").asText()).isEqualTo("append-log-entries");
        assertThat(append.get("inputSchema").get("required").toString()).isEqualTo("[\"id\",\"task_id\",\"body\",\"project_id\"]");
        assertThat(o.get("control").isNull()).isTrue();
    }

    @Test
    void environmentBaseUriIsShownWhenNoOverride() throws Exception {
        inspect(Map.of("NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS", "https://us.posthog.com"), FILE, "--format", "json");
        assertThat(new ObjectMapper().readTree(stdout).get("upstreams").get(0).toString()).isEqualTo(
                "{\"namespace\":\"posthog-task-runs\",\"baseUri\":\"https://us.posthog.com\","
                        + "\"from\":\"NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS\"}");
    }

    @Test
    void aMissingFileIsAUsageError() {
        assertThat(inspect(Map.of(), "no/such.yaml")).isEqualTo(2);
        assertThat(stderr).isEqualTo("naftiko inspect: no/such.yaml: no such file (and no bundled capability of that name;"
                + " see naftiko list)\n");
    }
}
