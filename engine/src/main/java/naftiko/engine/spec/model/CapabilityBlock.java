package naftiko.engine.spec.model;

import java.util.List;

/** The {@code capability} object (SPEC.md §2.3). */
public record CapabilityBlock(
        List<Exposes> exposes,
        List<Consumes> consumes,
        List<Bind> binds,
        List<Aggregate> aggregates,
        SourcePos pos) {}
