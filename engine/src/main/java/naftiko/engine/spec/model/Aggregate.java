package naftiko.engine.spec.model;

import java.util.List;

/** Reusable functions referenced by {@code ref: namespace.function} (SPEC.md §9). */
public record Aggregate(String label, String namespace, List<Function> functions, SourcePos pos) {

    public record Function(
            String name,
            String description,
            Semantics semantics,
            List<ExposedParameter> inputParameters,
            Execution execution,
            SourcePos pos) {}

    /** Transport-neutral behaviour; null means "not said". */
    public record Semantics(Boolean safe, Boolean idempotent, Boolean cacheable) {}
}
