package naftiko.engine.spec.model;

import java.util.List;

/** An MCP tool (SPEC.md §14.2). */
public record McpTool(
        String name,
        String label,
        String description,
        List<ExposedParameter> inputParameters,
        Hints hints,
        Execution execution,
        SourcePos pos) {

    /** Behaviour hints; null means "not said" (spec defaults are not materialised). */
    public record Hints(Boolean readOnly, Boolean destructive, Boolean idempotent, Boolean openWorld) {}
}
