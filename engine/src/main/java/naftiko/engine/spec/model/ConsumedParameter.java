package naftiko.engine.spec.model;

/**
 * A consumed input parameter (SPEC.md §5.5). {@code type}, {@code description} and {@code required}
 * are not in the schema but real files carry them (REAL-WORLD item 3); they feed derived MCP schemas.
 * {@code required} is null when the file does not say.
 */
public record ConsumedParameter(
        String name,
        String in,
        String value,
        String type,
        String description,
        Boolean required,
        SourcePos pos) {}
