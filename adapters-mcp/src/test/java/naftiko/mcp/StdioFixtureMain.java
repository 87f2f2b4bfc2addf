package naftiko.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.McpTool;

/**
 * Subprocess entry point for the stdio end-to-end test: serves the hand-written fixture over the
 * real stdin/stdout exactly as {@code naftiko run --stdio} does. Argument: the fake upstream URI.
 */
public final class StdioFixtureMain {
    private StdioFixtureMain() {}

    public static void main(String[] args) {
        ServeOptions options = new ServeOptions(null, Map.of(), ServeOptions.DEFAULT_MAX_BODY_BYTES, true, Duration.ofSeconds(2));
        var tools = List.<naftiko.engine.run.Unit>of(new FakeTool("list-runs", List.of("project_id"), args[0], "/runs",
                new McpTool.Hints(true, null, null, null)));
        var endpoint = Fixtures.endpoint(tools, List.of(FakeContent.text("test://static-text", "hello")), List.of(FakeContent.greeting()));
        var servers = McpServers.create(Fixtures.capability(endpoint), options);
        servers.forEach(s -> s.start());
        // A stray print must not reach the protocol stream: McpServers points System.out at stderr.
        System.out.println("ready: " + servers.get(0).describe());
    }
}
