package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 2 over MCP: tool arguments can never change the upstream host or path shape, never
 * inject a header line, and arguments the file does not map are not forwarded.
 */
class HostileInputMcpTest {

    private static final String YAML = """
            naftiko: "1.0.0-alpha2"
            info:
              label: hostile
            capability:
              consumes:
                - type: http
                  namespace: up
                  baseUri: "BASE"
                  resources:
                    - name: items
                      path: /items/{id}/
                      operations:
                        - name: get
                          method: GET
                          inputParameters:
                            - name: id
                              in: path
                              type: string
                              required: true
                            - name: trace
                              in: header
                              type: string
              exposes:
                - type: mcp
                  namespace: hostile-mcp
                  port: 9090
                  transport: http
                  tools:
                    - name: get-item
                      description: Get an item
                      call: up.get
                      with:
                        id: tools.id
                        trace: tools.trace
            """;

    private FakeUpstream upstream;
    private StreamableHttpServer server;
    private RawMcp raw;
    private String session;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        upstream = new FakeUpstream();
        Path file = dir.resolve("hostile.yaml");
        Files.writeString(file, YAML.replace("BASE", upstream.baseUri() + "/base"));
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as(loaded.diagnostics().toString()).isFalse();
        var capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(Map.of(), Map.of(), Map.of(), false,
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
        server = (StreamableHttpServer) McpServers.create(capability, new ServeOptions(null, Map.of("hostile-mcp", 0),
                ServeOptions.DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(1))).get(0);
        server.start();
        raw = new RawMcp(server.url());
        session = raw.initialize("2025-06-18");
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
        upstream.close();
    }

    private JsonNode call(String arguments) {
        return RawMcp.json(raw.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get-item\","
                + "\"arguments\":" + arguments + "}}", "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-06-18"));
    }

    @Test
    void pathArgumentsStayOneEncodedSegmentOfTheConfiguredHost() {
        String[][] cases = {
                {"../../admin", "/base/items/..%2F..%2Fadmin/"},
                {"..", "/base/items/%2E%2E/"},
                {".", "/base/items/%2E/"},
                {"%2e%2e%2fadmin", "/base/items/%252e%252e%252fadmin/"},
                {"..\\\\..\\\\admin", "/base/items/..%5C..%5Cadmin/"},
                {"http://evil.example/x", "/base/items/http%3A%2F%2Fevil.example%2Fx/"},
                {"@evil.example:80", "/base/items/%40evil.example%3A80/"},
                {"a?admin=1#x", "/base/items/a%3Fadmin%3D1%23x/"}};
        for (String[] c : cases) {
            upstream.clear();
            JsonNode reply = call("{\"id\":\"" + c[0] + "\"}");
            assertThat(reply.at("/result/isError").asBoolean()).as(c[0] + " → " + reply).isFalse();
            assertThat(upstream.single().target()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void headerArgumentsWithLineBreaksAreInvalidParams() {
        for (String value : new String[] {"a\\r\\nX-Evil: 1", "a\\nX-Evil: 1", "a\\rb"}) {
            JsonNode reply = call("{\"id\":\"1\",\"trace\":\"" + value + "\"}");
            assertThat(reply.at("/error/code").asInt()).as(reply.toString()).isEqualTo(-32602);
            assertThat(reply.at("/error/message").asText()).contains("trace");
        }
        assertThat(upstream.requests()).isEmpty();
        call("{\"id\":\"1\",\"trace\":\"t-1\"}");
        assertThat(upstream.single().header("trace")).isEqualTo("t-1");
        assertThat(upstream.single().headers()).doesNotContainKey("x-evil");
    }

    @Test
    void aSlowLorisClientIsCutOff() throws Exception {
        String previous = System.setProperty("naftiko.http.parseTimeoutMs", "1000");
        StreamableHttpServer slow = (StreamableHttpServer) McpServers.create(Posthog.plan(upstream.baseUri()),
                new ServeOptions(null, Map.of(Posthog.MCP_NAMESPACE, 0), ServeOptions.DEFAULT_MAX_BODY_BYTES, false,
                        Duration.ofSeconds(1))).get(0);
        try {
            slow.start();
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", slow.port())) {
                s.setSoTimeout(200);
                byte[] head = ("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200) + "\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                boolean cut = false;
                for (int i = 0; i < head.length && !cut; i++) { // bounded: at most head.length × ~250 ms
                    try {
                        s.getOutputStream().write(head[i]);
                        s.getOutputStream().flush();
                        if (s.getInputStream().read() < 0) cut = true;
                    } catch (java.net.SocketTimeoutException e) {
                        // still open: keep dripping
                    } catch (java.net.SocketException e) {
                        cut = true;
                    }
                    Thread.sleep(50);
                }
                assertThat(cut).as("the MCP server closes a connection whose headers never end").isTrue();
            }
        } finally {
            slow.stop(Duration.ZERO);
            if (previous == null) System.clearProperty("naftiko.http.parseTimeoutMs");
            else System.setProperty("naftiko.http.parseTimeoutMs", previous);
        }
    }

    @Test
    void argumentsTheFileDoesNotMapAreNotForwarded() {
        JsonNode reply = call("{\"id\":\"1\",\"url\":\"http://evil.example\",\"admin\":true}");
        if (reply.has("error")) {
            assertThat(reply.at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(upstream.requests()).isEmpty();
        } else {
            assertThat(upstream.single().target()).isEqualTo("/base/items/1/");
            assertThat(upstream.single().body()).isEmpty();
        }
    }
}
