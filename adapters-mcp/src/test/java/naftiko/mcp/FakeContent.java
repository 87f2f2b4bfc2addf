package naftiko.mcp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.McpPromptUnit;
import naftiko.engine.run.McpResourceUnit;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.spec.model.McpPrompt;

/** Hand-written resources and prompts standing in for the engine's. */
final class FakeContent {
    private FakeContent() {}

    /** A static text resource at exactly {@code uri}. */
    static McpResourceUnit text(String uri, String text) {
        return new McpResourceUnit() {
            public String name() { return "static-text"; }
            public String title() { return "Static text"; }
            public String description() { return "A static text resource"; }
            public String mimeType() { return "text/plain"; }
            public String uri() { return uri; }
            public boolean isTemplate() { return false; }
            public List<Entry> entries() { return List.of(new Entry(uri, name(), title(), description(), mimeType())); }
            public Optional<Map<String, String>> match(String u) { return uri.equals(u) ? Optional.of(Map.of()) : Optional.empty(); }
            public CompletableFuture<Content> read(String u, CallContext c) {
                return CompletableFuture.completedFuture(new Content(u, mimeType(), text));
            }
        };
    }

    /** A template resource {@code test://items/{id}} echoing the id. */
    static McpResourceUnit template() {
        return new McpResourceUnit() {
            public String name() { return "item"; }
            public String title() { return null; }
            public String description() { return "One item"; }
            public String mimeType() { return "application/json"; }
            public String uri() { return "test://items/{id}"; }
            public boolean isTemplate() { return true; }
            public List<Entry> entries() { return List.of(); }
            public Optional<Map<String, String>> match(String u) {
                return u.startsWith("test://items/") ? Optional.of(Map.of("id", u.substring(13))) : Optional.empty();
            }
            public CompletableFuture<Content> read(String u, CallContext c) {
                return CompletableFuture.completedFuture(new Content(u, mimeType(), "{\"id\":\"" + match(u).get().get("id") + "\"}"));
            }
        };
    }

    /** {@code greet(name)} → one user message "Hello, NAME!". */
    static McpPromptUnit greeting() {
        return new McpPromptUnit() {
            public String name() { return "greet"; }
            public String title() { return "Greeting"; }
            public String description() { return "Greets someone"; }
            public List<McpPrompt.Argument> arguments() { return List.of(new McpPrompt.Argument("name", null, "Who", true)); }
            public List<McpPrompt.Message> render(Map<String, String> args) {
                if (!args.containsKey("name")) {
                    throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "missing required argument name", List.of("name"));
                }
                return List.of(new McpPrompt.Message("user", "Hello, " + args.get("name") + "!"));
            }
        };
    }
}
