package naftiko.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.McpPromptUnit;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/**
 * Serves hand-written units named like the conformance suite's fixtures, so the protocol layer can
 * be checked with the official suite before the engine exists: {@code java -cp … ConformanceFixtureMain PORT}.
 */
public final class ConformanceFixtureMain {
    private ConformanceFixtureMain() {}

    public static void main(String[] args) {
        Unit text = new FakeTool("test_simple_text", List.of(), null, "/", new McpTool.Hints(true, null, null, null)) {
            @Override
            public CompletableFuture<Outcome> invoke(naftiko.engine.run.Arguments a, naftiko.engine.run.CallContext c) {
                return CompletableFuture.completedFuture(Outcome.raw(200, "text/plain",
                        "This is a simple text response for testing.".getBytes(), Map.of()));
            }
        };
        Unit error = new FakeTool("test_error_handling", List.of(), "http://127.0.0.1:1", "/", new McpTool.Hints(null, null, null, null));
        McpPromptUnit simple = prompt("test_simple_prompt", List.of(), "This is a simple prompt for testing.");
        McpPromptUnit withArgs = prompt("test_prompt_with_arguments",
                List.of(new McpPrompt.Argument("arg1", null, "First test argument", true),
                        new McpPrompt.Argument("arg2", null, "Second test argument", true)), null);
        McpEndpoint endpoint = new McpEndpoint("conformance", "http", "127.0.0.1", Integer.parseInt(args[0]),
                "Conformance fixture", null, List.of(text, error),
                List.of(FakeContent.text("test://static-text", "This is the content of the static text resource.")),
                List.of(simple, withArgs), SourcePos.UNKNOWN);
        ServeOptions options = new ServeOptions(null, Map.of(), ServeOptions.DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(1));
        McpServers.create(Fixtures.capability(endpoint), options).forEach(s -> {
            s.start();
            System.out.println(s.describe());
        });
    }

    private static McpPromptUnit prompt(String name, List<McpPrompt.Argument> arguments, String fixed) {
        return new McpPromptUnit() {
            public String name() { return name; }
            public String title() { return null; }
            public String description() { return "Conformance prompt " + name; }
            public List<McpPrompt.Argument> arguments() { return arguments; }
            public List<McpPrompt.Message> render(Map<String, String> a) {
                String text = fixed != null ? fixed
                        : "Prompt with arguments: arg1='" + a.get("arg1") + "', arg2='" + a.get("arg2") + "'";
                return List.of(new McpPrompt.Message("user", text));
            }
        };
    }
}
