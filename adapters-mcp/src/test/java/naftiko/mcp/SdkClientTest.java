package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.testing.FakeUpstream;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official MCP Java SDK client against the adapter, over Streamable HTTP and over stdio. */
class SdkClientTest {

    private FakeUpstream upstream;

    @BeforeEach
    void upstream() {
        upstream = new FakeUpstream().answer(FakeUpstream.Reply.json(200, "{\"count\":1,\"results\":[{\"id\":\"r1\"}]}"));
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    @Test
    void streamableHttp() {
        var tools = List.<naftiko.engine.run.Unit>of(new FakeTool("list-runs", List.of("project_id"), upstream.baseUri(), "/runs",
                new McpTool.Hints(true, null, null, null)));
        var endpoint = Fixtures.endpoint(tools, List.of(FakeContent.text("test://static-text", "hello")), List.of(FakeContent.greeting()));
        var server = (StreamableHttpServer) McpServers.create(Fixtures.capability(endpoint), ServeOptions.defaults()).get(0);
        server.start();
        try {
            var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port()).endpoint("/mcp").build();
            exercise(transport);
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void stdioSubprocess() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var params = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), StdioFixtureMain.class.getName(), upstream.baseUri())
                .build();
        exercise(new StdioClientTransport(params, McpJsonDefaults.getMapper()));
    }

    private void exercise(McpClientTransport transport) {
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("test-mcp");
            assertThat(init.instructions()).isEqualTo("Use these tools for tests.");
            assertThat(init.capabilities().tools().listChanged()).isTrue();

            McpSchema.Tool tool = client.listTools().tools().get(0);
            assertThat(tool.name()).isEqualTo("list-runs");
            assertThat(tool.inputSchema().required()).containsExactly("project_id");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
            assertThat(tool.annotations().destructiveHint()).isNull();

            McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list-runs", Map.of("project_id", "42")));
            assertThat(result.isError()).isFalse();
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("{\"count\":1,\"results\":[{\"id\":\"r1\"}]}");
            assertThat(result.structuredContent()).isEqualTo(Map.of("count", 1, "results", List.of(Map.of("id", "r1"))));
            assertThat(upstream.single().target()).isEqualTo("/runs?project_id=42");

            assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("ghost", Map.of())))
                    .hasMessageContaining("Unknown tool: ghost");

            var read = client.readResource(new McpSchema.ReadResourceRequest("test://static-text"));
            assertThat(((McpSchema.TextResourceContents) read.contents().get(0)).text()).isEqualTo("hello");
            var prompt = client.getPrompt(new McpSchema.GetPromptRequest("greet", Map.of("name", "Ada")));
            assertThat(((McpSchema.TextContent) prompt.messages().get(0).content()).text()).isEqualTo("Hello, Ada!");
            client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
            assertThat(client.ping()).isNotNull();
        }
    }
}
