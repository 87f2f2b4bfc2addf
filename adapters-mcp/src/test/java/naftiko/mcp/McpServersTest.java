package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.SourcePos;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.Test;

class McpServersTest {

    private static McpEndpoint endpoint(String namespace, String transport) {
        return new McpEndpoint(namespace, transport, "127.0.0.1", "stdio".equals(transport) ? null : 0, null, null,
                List.of(FakeTool.named("t")), List.of(), List.of(), SourcePos.UNKNOWN);
    }

    @Test
    void oneHttpServerPerExposure() {
        var capability = new naftiko.engine.run.Capability(null, "c", List.of(),
                List.of(endpoint("a-mcp", "http"), endpoint("b-mcp", "http")), List.of(), null, List.of());
        var servers = McpServers.create(capability, ServeOptions.defaults());
        assertThat(servers).hasSize(2).allMatch(s -> s instanceof StreamableHttpServer);
        assertThat(servers.get(1).describe()).containsExactly("MCP b-mcp http://127.0.0.1:0/mcp (1 tool)");
    }

    @Test
    void aSecondStdioExposureRefusesToStartWithAnActionableLine() {
        var capability = new naftiko.engine.run.Capability(null, "c", List.of(),
                List.of(endpoint("a-mcp", "stdio"), endpoint("b-mcp", "stdio")), List.of(), null, List.of());
        var out = System.out;
        try {
            var servers = McpServers.create(capability, ServeOptions.defaults());
            assertThat(servers.get(0).describe()).containsExactly("MCP a-mcp stdio (1 tool)");
            assertThatThrownBy(() -> servers.get(1).start())
                    .hasMessage("MCP b-mcp: stdin/stdout already serve MCP exposure 'a-mcp'; only one exposure per process"
                            + " can use stdio: give this one transport: http and a port");
        } finally {
            System.setOut(out);
        }
    }
}
