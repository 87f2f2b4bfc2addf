package naftiko.engine.spec.model;

import java.util.List;

/** An exposed REST resource (SPEC.md §7.2). */
public record RestResource(
        String path,
        String name,
        String label,
        String description,
        List<ExposedParameter> inputParameters,
        List<RestOperation> operations,
        Forward forward,
        SourcePos pos) {

    /** Raw relay to a consumed namespace (SPEC.md §7.5). */
    public record Forward(String targetNamespace, List<String> trustedHeaders, SourcePos pos) {}
}
