package naftiko.mcp;

import java.time.Duration;
import java.util.Map;
import naftiko.engine.run.ServeOptions;

/** Subprocess entry point: serves the PostHog MCP exposure over stdio, as {@code naftiko run --stdio}. */
public final class PosthogStdioMain {
    private PosthogStdioMain() {}

    public static void main(String[] args) {
        ServeOptions options = new ServeOptions(null, Map.of(), ServeOptions.DEFAULT_MAX_BODY_BYTES, true, Duration.ofSeconds(2));
        McpServers.create(Posthog.plan(args[0]), options).forEach(s -> s.start());
    }
}
