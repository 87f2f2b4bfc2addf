package naftiko.engine.spec.model;

import java.util.List;

/**
 * How an exposed unit runs; shared by REST operations, MCP tools, MCP resources and aggregate
 * functions. Exactly one mode applies (SPEC.md §3): {@code ref}; {@code steps} (orchestrated);
 * {@code call} (simple); none of these (mock, outputs carry values).
 */
public record Execution(
        String call,
        SourcePos callPos,
        List<WithEntry> with,
        List<Step> steps,
        List<StepMapping> mappings,
        String ref,
        SourcePos refPos,
        List<OutputParameter> outputParameters) {

    public enum Mode { REF, ORCHESTRATED, SIMPLE, MOCK }

    public Mode mode() {
        if (ref != null) return Mode.REF;
        if (steps != null && !steps.isEmpty()) return Mode.ORCHESTRATED;
        if (call != null) return Mode.SIMPLE;
        return Mode.MOCK;
    }
}
