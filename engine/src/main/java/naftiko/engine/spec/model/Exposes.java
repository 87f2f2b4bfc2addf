package naftiko.engine.spec.model;

/** A server adapter of the capability, discriminated by {@code type} (SPEC.md §6). */
public sealed interface Exposes permits RestExposes, McpExposes, SkillExposes, ControlExposes {
    String type();

    /** Null for control adapters, which have none. */
    String namespace();

    /** Null when the file does not say (stdio MCP has no port). */
    Integer port();

    String address();

    Authentication authentication();

    SourcePos pos();
}
