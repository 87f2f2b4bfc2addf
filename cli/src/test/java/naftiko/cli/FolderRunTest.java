package naftiko.cli;

import static naftiko.cli.OperateFixture.capability;
import static naftiko.cli.OperateFixture.eventually;
import static naftiko.cli.OperateFixture.get;
import static naftiko.cli.OperateFixture.status;
import static naftiko.cli.OperateFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.log.LogFormat;
import naftiko.engine.testing.FakeUpstream;
import naftiko.rest.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code naftiko run DIR}: shared servers, hot reload (add, break, delete), collisions, in-flight requests. */
class FolderRunTest {

    @TempDir
    Path dir;
    @TempDir
    Path other;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ByteArrayOutputStream log;
    private FakeUpstream upstream;
    private RunSession session;

    @BeforeEach
    void upstream() {
        log = OperateFixture.captureLog(LogFormat.TEXT);
        upstream = new FakeUpstream();
        upstream.answer(r -> {
            FakeUpstream.Reply reply = FakeUpstream.Reply.json(200, "{\"upstreamPath\":\"" + r.path() + "\"}");
            return r.path().endsWith("/slow") ? reply.delayed(1500) : reply;
        });
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
        upstream.close();
        OperateFixture.restoreLog();
    }

    private RunSession start(String... args) throws RunSession.Abort {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(args);
        session = RunSession.start(cmd, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return session;
    }

    private String rest(String path) {
        RestServer r = session.fleet().restServers().get(0);
        return "http://127.0.0.1:" + r.port() + path;
    }

    @Test
    void aFolderIsMountedOnOneSharedServerAndFollowsItsFiles() throws Exception {
        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        write(dir, "beta.yaml", capability("beta", upstream.baseUri()));
        Files.writeString(dir.resolve("notes.yaml"), "title: not a naftiko file\n");
        start(dir.toString(), "--env-file", OperateFixture.envFile(other).toString());

        assertThat(session.fleet().restServers()).hasSize(1);
        assertThat(session.fleet().mcpServers()).hasSize(1);
        HttpResponse<String> a = get(rest("/alpha/items/1"));
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).contains("\"upstreamPath\":\"/alpha/1\"");
        assertThat(upstream.requests().get(0).header("authorization")).isEqualTo("Bearer " + OperateFixture.SECRET);
        assertThat(get(rest("/beta/items/2")).body()).contains("/beta/2");
        assertThat(String.join("\n", out.toString(StandardCharsets.UTF_8).lines().toList()))
                .contains("GET /alpha/items/{id}").contains("GET /beta/items/{id}").contains("watching " + dir);

        // Added: its routes answer once the watcher has mounted it.
        write(dir, "gamma.yaml", capability("gamma", upstream.baseUri()));
        assertThat(eventually(10, () -> status(rest("/gamma/items/3")) == 200)).isTrue();
        assertThat(get(rest("/gamma/items/3")).body()).contains("/gamma/3");

        // Broken: the previous version keeps answering, the log has the diagnostic with line:col.
        write(dir, "gamma.yaml", "naftiko: \"1.0.0-alpha2\"\ncapability:\n  exposes: [\n    {type: rest\n");
        assertThat(eventually(10, () -> OperateFixture.text(log).contains("reload-rejected"))).isTrue();
        assertThat(OperateFixture.text(log))
                .containsPattern("diagnostic file=\\S*gamma.yaml diagnostic=\"\\S*gamma.yaml:\\d+:\\d+: error")
                .contains("action=\"kept the last good version running\"");
        assertThat(status(rest("/gamma/items/3"))).isEqualTo(200);

        // Removed: 404, while the others still answer.
        Files.delete(dir.resolve("gamma.yaml"));
        assertThat(eventually(10, () -> status(rest("/gamma/items/3")) == 404)).isTrue();
        assertThat(status(rest("/alpha/items/1"))).isEqualTo(200);
        assertThat(OperateFixture.text(log)).containsPattern("unmounted file=\\S*gamma.yaml");
    }

    @Test
    void aRequestInFlightCompletesWhileAnotherFileIsReloaded() throws Exception {
        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        write(dir, "beta.yaml", capability("beta", upstream.baseUri()));
        start(dir.toString(), "--env-file", OperateFixture.envFile(other).toString());

        CompletableFuture<HttpResponse<String>> slow = OperateFixture.HTTP.sendAsync(HttpRequest.newBuilder(
                URI.create(rest("/alpha/items/slow"))).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(eventually(5, () -> !upstream.requests().isEmpty())).isTrue(); // reached the upstream
        Files.delete(dir.resolve("beta.yaml"));
        write(dir, "gamma.yaml", capability("gamma", upstream.baseUri()));
        assertThat(eventually(10, () -> status(rest("/gamma/items/1")) == 200)).isTrue();

        HttpResponse<String> r = slow.get(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/alpha/slow");
        assertThat(status(rest("/beta/items/1"))).isEqualTo(404);
    }

    @Test
    void aRouteCollisionNamesBothFilesAndTheFirstLoadedKeepsServing() throws Exception {
        write(dir, "a.yaml", capability("alpha", upstream.baseUri()));
        // b exposes the same REST path as a, from its own namespaces and upstream path.
        write(dir, "b.yaml", capability("beta", upstream.baseUri()).replace("path: /beta/items/{id}", "path: /alpha/items/{key}"));
        start(dir.toString(), "--no-watch", "--env-file", OperateFixture.envFile(other).toString());

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(stderr).containsPattern("\\S*b\\.yaml:\\d+:\\d+: error \\[route-collision\\] REST exposure 'beta-rest' routes"
                + " GET /alpha/items/\\{key} on 127\\.0\\.0\\.1:" + OperateFixture.REST_PORT + ", already routed by 'alpha-rest' of \\S*a\\.yaml;"
                + " this exposure is not mounted");
        assertThat(get(rest("/alpha/items/7")).body()).contains("/alpha/7");
        // b's MCP exposure does not collide: it is served.
        assertThat(session.fleet().mcpServers().get(0).describe()).anyMatch(l -> l.contains("/mcp/beta-mcp"));
    }

    @Test
    void restAndMcpOnOnePortIsADiagnosticAndTheLaterExposureIsLeftOut() throws Exception {
        write(dir, "a.yaml", capability("alpha", upstream.baseUri()));
        // b's REST exposure asks for the port where a's MCP exposure listens (b's MCP goes elsewhere).
        write(dir, "b.yaml", capability("beta", upstream.baseUri())
                .replace("port: " + OperateFixture.MCP_PORT, "port: " + OperateFixture.freePort())
                .replace("port: " + OperateFixture.REST_PORT, "port: " + OperateFixture.MCP_PORT));
        start(dir.toString(), "--no-watch", "--env-file", OperateFixture.envFile(other).toString());

        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("\\S*b\\.yaml:\\d+:\\d+: error \\[port-collision\\]"
                + " REST exposure 'beta-rest' asks for 127\\.0\\.0\\.1:" + OperateFixture.MCP_PORT
                + ", where MCP exposure 'alpha-mcp' of \\S*a\\.yaml listens; this exposure is not mounted");
        assertThat(session.fleet().restServers()).hasSize(1);
        assertThat(status(rest("/beta/items/1"))).isEqualTo(404);
        assertThat(status(rest("/alpha/items/1"))).isEqualTo(200);
    }

    @Test
    void aSingleFileIsWatchedOnlyWhenAsked() throws Exception {
        Path file = write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        start(file.toString(), "--watch", "--env-file", OperateFixture.envFile(other).toString());
        assertThat(status(rest("/alpha/items/1"))).isEqualTo(200);

        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()).replace("path: /alpha/items/{id}", "path: /alpha/things/{id}"));
        assertThat(eventually(10, () -> status(rest("/alpha/things/1")) == 200)).isTrue();
        assertThat(status(rest("/alpha/items/1"))).isEqualTo(404);
        assertThat(OperateFixture.text(log)).containsPattern("remounted file=\\S*alpha.yaml capability=\"alpha capability\" routes=1 tools=1");
    }

    @Test
    void aChangedImportTargetRemountsTheCapabilitiesThatImportIt() throws Exception {
        Files.createDirectories(dir.resolve("shared"));
        String shared = "naftiko: \"1.0.0-alpha2\"\nconsumes:\n  - namespace: up\n    type: http\n    baseUri: \"BASE\"\n"
                + "    resources:\n      - name: item\n        path: \"/item/{{id}}\"\n        operations:\n"
                + "          - name: get-item\n            method: GET\n            inputParameters:\n"
                + "              - name: id\n                in: path\n";
        write(dir.resolve("shared"), "up.yaml", shared.replace("BASE", upstream.baseUri() + "/v1"));
        write(dir, "importer.yaml", "naftiko: \"1.0.0-alpha2\"\ninfo:\n  label: importer\n  description: imports up\n"
                + "capability:\n  consumes:\n    - import: up\n      location: ./shared/up.yaml\n  exposes:\n"
                + "    - type: rest\n      namespace: importer-rest\n      port: " + OperateFixture.REST_PORT + "\n"
                + "      resources:\n        - path: /imported/{id}\n          operations:\n            - method: GET\n"
                + "              inputParameters:\n                - name: id\n                  in: path\n                  type: string\n"
                + "              call: up.get-item\n              with:\n                id: importer-rest.id\n");
        start(dir.toString());
        assertThat(get(rest("/imported/1")).body()).contains("\"upstreamPath\":\"/v1/item/1\"");

        write(dir.resolve("shared"), "up.yaml", shared.replace("BASE", upstream.baseUri() + "/v2"));
        assertThat(eventually(10, () -> {
            try {
                return get(rest("/imported/1")).body().contains("/v2/item/1");
            } catch (Exception e) {
                return false;
            }
        })).isTrue();
        assertThat(OperateFixture.text(log)).containsPattern("remounted file=\\S*importer.yaml");
    }

    @Test
    void aFileWithErrorsIsSkippedWhileTheOthersRun() throws Exception {
        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        Path bad = write(dir, "bad.yaml", "naftiko: 1.0.0-alpha2\ncapability:\n  exposes: 12\n");
        start(dir.toString(), "--no-watch", "--env-file", OperateFixture.envFile(other).toString());

        assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ":3:").contains("naftiko run: " + bad + " has errors; skipped");
        assertThat(status(rest("/alpha/items/1"))).isEqualTo(200);
    }
}
