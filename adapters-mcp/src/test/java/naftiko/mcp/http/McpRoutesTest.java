package naftiko.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;
import org.junit.jupiter.api.Test;

class McpRoutesTest {

    private record Tool(String name, String description) implements Unit {
        @Override public String title() { return null; }
        @Override public ObjectNode inputSchema() { return JsonNodeFactory.instance.objectNode().put("type", "object"); }
        @Override public ObjectNode outputSchema() { return null; }
        @Override public McpTool.Hints hints() { return null; }
        @Override public SourcePos pos() { return SourcePos.UNKNOWN; }
        @Override public String target() { return name; }
        @Override public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException());
        }
    }

    private static McpEndpoint endpoint(String namespace, Unit... tools) {
        return new McpEndpoint(namespace, "http", "127.0.0.1", 0, null, null, List.of(tools), List.of(), List.of(),
                SourcePos.UNKNOWN);
    }

    @Test
    void aRemountKeepsTheRoutesOfUnchangedExposuresAndReportsOnlyChangedToolLists() {
        McpRoutes routes = new McpRoutes(50);
        McpEndpoint a = endpoint("a", new Tool("ta", "x"));
        McpEndpoint b = endpoint("b", new Tool("tb", "x"));
        assertThat(routes.mount(List.of(new McpRoutes.Mount(a, "A"), new McpRoutes.Mount(b, "B")))).isEmpty();
        McpRoutes.Route ra = routes.find("/mcp/a");
        McpRoutes.Route combined = routes.find("/mcp");
        assertThat(routes.paths()).containsExactlyInAnyOrder("/mcp/a", "/mcp/b", "/mcp", "/");

        // the same objects again: nothing rebuilt, nothing changed
        assertThat(routes.mount(List.of(new McpRoutes.Mount(a, "A"), new McpRoutes.Mount(b, "B")))).isEmpty();
        assertThat(routes.find("/mcp/a")).isSameAs(ra);
        assertThat(routes.find("/mcp")).isSameAs(combined);

        // b reloaded with the same tools: new dispatcher, same digest, no change to announce
        McpEndpoint bSame = endpoint("b", new Tool("tb", "x"));
        assertThat(routes.mount(List.of(new McpRoutes.Mount(a, "A"), new McpRoutes.Mount(bSame, "B")))).isEmpty();
        assertThat(routes.find("/mcp/a")).isSameAs(ra);

        // b's tool described differently: b and the combined endpoint changed, a did not
        McpEndpoint bNew = endpoint("b", new Tool("tb", "y"));
        assertThat(routes.mount(List.of(new McpRoutes.Mount(a, "A"), new McpRoutes.Mount(bNew, "B"))))
                .containsExactlyInAnyOrder("/mcp/b", "/mcp", "/");

        // a tool name in both: no combined endpoint any more
        McpEndpoint clash = endpoint("c", new Tool("ta", "z"));
        assertThat(routes.mount(List.of(new McpRoutes.Mount(a, "A"), new McpRoutes.Mount(clash, "C"))))
                .containsExactlyInAnyOrder("/mcp/b", "/mcp", "/");
        assertThat(routes.find("/mcp")).isNull();
        assertThat(routes.find("/mcp/c/")).isNotNull();
    }
}
