package naftiko.engine.spec.model;

import java.util.List;

/** {@code type: rest} (SPEC.md §7.1). {@code description} is tolerated (REAL-WORLD item 4). */
public record RestExposes(
        String namespace,
        Integer port,
        String address,
        String description,
        Authentication authentication,
        List<ExposedParameter> inputParameters,
        List<RestResource> resources,
        SourcePos pos) implements Exposes {
    @Override
    public String type() {
        return "rest";
    }
}
