package naftiko.engine.spec.model;

import java.util.List;

/** One upstream operation, target of {@code call: namespace.name} (SPEC.md §5.4). */
public record ConsumedOperation(
        String name,
        String method,
        String label,
        String description,
        List<ConsumedParameter> inputParameters,
        String outputRawFormat,
        String outputSchema,
        List<ConsumedOutput> outputParameters,
        RequestBody body,
        SourcePos pos) {}
