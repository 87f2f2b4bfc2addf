package naftiko.engine.spec.model;

/** An MCP resource: static ({@code location}) or dynamic ({@code execution}) (SPEC.md §14.3). */
public record McpResource(
        String name,
        String label,
        String uri,
        String description,
        String mimeType,
        String location,
        Execution execution,
        SourcePos pos) {

    public boolean isStatic() {
        return location != null;
    }
}
