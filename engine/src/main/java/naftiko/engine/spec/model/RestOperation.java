package naftiko.engine.spec.model;

import java.util.List;

/** An exposed REST operation (SPEC.md §7.3). */
public record RestOperation(
        String method,
        String name,
        String label,
        String description,
        List<ExposedParameter> inputParameters,
        Execution execution,
        SourcePos pos) {}
