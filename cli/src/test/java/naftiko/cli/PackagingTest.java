package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import naftiko.rest.RestServer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The runnable jar's promises: version, bundled capabilities by name from any folder, list, JVM defaults. */
class PackagingTest {

    /** Runs Main in-process, capturing stdout and stderr. */
    private static String[] main(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void versionPrintsTheBuildVersion() {
        String[] r = main("--version");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).matches("naftiko \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n");
    }

    @Test
    void listShowsTheBundledCapabilitiesWithTheirLabels() {
        String[] r = main("list");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).isEqualTo("posthog-task-runs  PostHog API — task-runs\n");
    }

    @Test
    void validateInspectAndCallFallBackToTheBundledCapabilityByName() {
        assertThat(Files.exists(Path.of("posthog-task-runs.yaml"))).as("no such file in the working folder").isFalse();
        String[] v = main("validate", "posthog-task-runs");
        assertThat(v[0]).isEqualTo("0");
        assertThat(v[2]).contains("naftiko validate: no file posthog-task-runs here; validating the bundled capability "
                + "posthog-task-runs.yaml");
        String[] i = main("inspect", "posthog-task-runs.yaml");
        assertThat(i[0]).isEqualTo("0");
        assertThat(i[1]).startsWith("capability: PostHog API — task-runs (bundled:posthog-task-runs.yaml)\n");
        assertThat(i[2]).isEqualTo("naftiko inspect: no file posthog-task-runs.yaml here; inspecting the bundled capability "
                + "posthog-task-runs.yaml\n");
        String[] c = main("call", "posthog-task-runs", "list-task-runs", "--dry-run",
                "--arg", "project_id=42", "--arg", "task_id=t1");
        assertThat(c[0]).isEqualTo("0");
        assertThat(c[1]).contains("\"url\":\"<base-uri:posthog-task-runs>/api/projects/42/tasks/t1/runs/\"");
        assertThat(c[2]).contains("naftiko call: no file posthog-task-runs here; calling the bundled capability posthog-task-runs.yaml");
        assertThat(main("validate", "nothing-like-this")[0]).isEqualTo("2");
    }

    @Test
    void runServesTheBundledCapabilityAndSaysSo() throws Exception {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("posthog-task-runs", "--dry-run",
                "--port", "posthog-task-runs-rest=0", "--port", "posthog-task-runs-mcp=0");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunSession session = RunSession.start(cmd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("naftiko run: no file posthog-task-runs here; running the bundled capability posthog-task-runs.yaml");
            RestServer rest = (RestServer) session.servers().get(0);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    rest.url() + "/v1/api/projects/42/tasks/t1/runs")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<base-uri:posthog-task-runs>/api/projects/42/tasks/t1/runs/");
        } finally {
            session.close();
        }
    }

    @Test
    void mainRaisesTheCommonPoolParallelismBeforeAnythingUsesIt() throws Exception {
        // A fresh JVM limited to 2 processors, where the JDK default parallelism would be 1.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=2", "-cp", System.getProperty("java.class.path"), JvmProbe.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("common-pool-parallelism=2");
    }

    @Test
    void mainTurnsJmxOffUnlessAskedAndUndertowStillServes() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        String off = probe(java, "-cp", cp, JmxProbe.class.getName());
        assertThat(off).contains("body=served").contains("jmx=off: JMX is off in naftiko; start the JVM with "
                + "-Djavax.management.builder.initial= to turn it on");
        String on = probe(java, "-Djavax.management.builder.initial=", "-cp", cp, JmxProbe.class.getName());
        assertThat(on).contains("body=served").contains("jmx=on");
    }

    private static String probe(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
