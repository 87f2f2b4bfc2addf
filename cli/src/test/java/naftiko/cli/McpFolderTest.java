package naftiko.cli;

import static naftiko.cli.OperateFixture.capability;
import static naftiko.cli.OperateFixture.eventually;
import static naftiko.cli.OperateFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import naftiko.engine.log.LogFormat;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** MCP exposures of a folder on one port: /mcp/NAMESPACE, the combined /mcp, list_changed on reload. */
class McpFolderTest {

    @TempDir
    Path dir;
    @TempDir
    Path other;

    private FakeUpstream upstream;
    private RunSession session;

    @BeforeEach
    void upstream() {
        OperateFixture.captureLog(LogFormat.TEXT);
        upstream = new FakeUpstream();
        upstream.answer(r -> FakeUpstream.Reply.json(200, "{\"upstreamPath\":\"" + r.path() + "\"}"));
    }

    @AfterEach
    void stop() {
        if (session != null) session.close();
        upstream.close();
        OperateFixture.restoreLog();
    }

    private String mcp(String path) {
        StreamableHttpServer s = session.fleet().mcpServers().get(0);
        return "http://127.0.0.1:" + s.port() + path;
    }

    static HttpResponse<String> post(String url, String session, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) b.header("Mcp-Session-Id", session);
        return OperateFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String initialize(String url) throws Exception {
        HttpResponse<String> init = post(url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.body()).contains("\"tools\":{\"listChanged\":true}");
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(url, id, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return id;
    }

    private static String toolsList(String url, String session) throws Exception {
        return post(url, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").body();
    }

    @Test
    void eachExposureHasItsPathTheCombinedOneHasAllAndClientsHearOfChanges() throws Exception {
        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        write(dir, "beta.yaml", capability("beta", upstream.baseUri()));
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(dir.toString(), "--env-file", OperateFixture.envFile(other).toString());
        session = RunSession.start(cmd, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        String alpha = initialize(mcp("/mcp/alpha-mcp"));
        assertThat(toolsList(mcp("/mcp/alpha-mcp"), alpha)).contains("alpha-get-item").doesNotContain("beta-get-item");
        String all = initialize(mcp("/mcp"));
        assertThat(toolsList(mcp("/mcp"), all)).contains("alpha-get-item").contains("beta-get-item");
        String call = post(mcp("/mcp"), all, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"beta-get-item\",\"arguments\":{\"id\":\"9\"}}}").body();
        assertThat(call).contains("/beta/9");

        // The server-to-client stream of the combined endpoint.
        CompletableFuture<HttpResponse<Stream<String>>> stream = OperateFixture.HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(mcp("/mcp"))).header("Accept", "text/event-stream")
                        .header("Mcp-Session-Id", all).GET().build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> events = stream.get(10, TimeUnit.SECONDS);
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
        assertThat(eventually(5, () -> session.fleet().mcpServers().get(0).openStreams("/mcp") == 1)).isTrue();

        write(dir, "gamma.yaml", capability("gamma", upstream.baseUri()));
        String notified = CompletableFuture.supplyAsync(() -> events.body().filter(l -> l.startsWith("data:"))
                .findFirst().orElse("")).get(10, TimeUnit.SECONDS);
        assertThat(notified).isEqualTo("data:{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\"}");
        assertThat(toolsList(mcp("/mcp"), all)).contains("gamma-get-item");
        assertThat(toolsList(mcp("/mcp/gamma-mcp"), initialize(mcp("/mcp/gamma-mcp")))).contains("gamma-get-item");
    }

    @Test
    void aToolNameInTwoFilesKeepsThePerNamespaceEndpointsOnly() throws Exception {
        write(dir, "alpha.yaml", capability("alpha", upstream.baseUri()));
        write(dir, "beta.yaml", capability("beta", upstream.baseUri()).replace("name: beta-get-item", "name: alpha-get-item"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs(dir.toString(), "--no-watch", "--env-file", OperateFixture.envFile(other).toString());
        session = RunSession.start(cmd, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("\\S*beta\\.yaml:\\d+:\\d+: warning "
                + "\\[mcp-tool-collision\\] tool 'alpha-get-item' of MCP exposure 'beta-mcp' is also a tool of 'alpha-mcp' in \\S*alpha\\.yaml");
        assertThat(OperateFixture.status(mcp("/mcp"))).isEqualTo(404);
        String beta = initialize(mcp("/mcp/beta-mcp"));
        String call = post(mcp("/mcp/beta-mcp"), beta, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                + "{\"name\":\"alpha-get-item\",\"arguments\":{\"id\":\"9\"}}}").body();
        assertThat(call).contains("/beta/9");
    }
}
