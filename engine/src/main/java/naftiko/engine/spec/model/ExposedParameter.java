package naftiko.engine.spec.model;

/**
 * An input of an exposed unit: REST input (SPEC.md §7.4, {@code in} set), MCP tool input or
 * aggregate function input (§14.2, {@code in} null). {@code required} null when the file does not say.
 */
public record ExposedParameter(
        String name,
        String in,
        String type,
        String description,
        String pattern,
        String value,
        Boolean required,
        SourcePos pos) {}
