package naftiko.engine.spec.model;

import java.util.List;

/**
 * An outbound HTTP API (SPEC.md §5.1). Imported consumes (§5.2) are resolved by the loader into this
 * same shape; {@code imported} then records where it came from.
 */
public record Consumes(
        String namespace,
        String baseUri,
        String description,
        List<ConsumedParameter> inputParameters,
        Authentication authentication,
        List<ConsumedResource> resources,
        Import imported,
        SourcePos pos) {

    /** {@code location} + {@code import} + optional {@code as}, as written in the importing file. */
    public record Import(String location, String importNamespace, String as, SourcePos pos) {}
}
