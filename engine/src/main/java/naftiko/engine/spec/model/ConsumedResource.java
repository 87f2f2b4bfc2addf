package naftiko.engine.spec.model;

import java.util.List;

/** A consumed resource: a path and its operations (SPEC.md §5.3). */
public record ConsumedResource(
        String name,
        String label,
        String description,
        String path,
        List<ConsumedParameter> inputParameters,
        List<ConsumedOperation> operations,
        SourcePos pos) {}
