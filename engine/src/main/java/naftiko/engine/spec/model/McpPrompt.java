package naftiko.engine.spec.model;

import java.util.List;

/** An MCP prompt (SPEC.md §14.4). */
public record McpPrompt(
        String name,
        String label,
        String description,
        List<Argument> arguments,
        List<Message> template,
        String location,
        SourcePos pos) {

    /** {@code required} defaults to true when the file does not say. */
    public record Argument(String name, String label, String description, boolean required) {}

    public record Message(String role, String content) {}
}
