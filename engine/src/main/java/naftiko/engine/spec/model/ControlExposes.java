package naftiko.engine.spec.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code type: control}, the management plane (SPEC.md §16). {@code management} and
 * {@code observability} are kept as written (their fields have defaults documented in SPEC.md §16.1).
 */
public record ControlExposes(
        Integer port,
        String address,
        Authentication authentication,
        JsonNode management,
        JsonNode observability,
        SourcePos pos) implements Exposes {
    @Override
    public String type() {
        return "control";
    }

    @Override
    public String namespace() {
        return null;
    }
}
