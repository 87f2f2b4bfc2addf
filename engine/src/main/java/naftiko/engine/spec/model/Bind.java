package naftiko.engine.spec.model;

import java.util.Map;

/**
 * A binding of variables to a value provider (SPEC.md §4).
 * {@code keys} maps the template variable name (SCREAMING_SNAKE) to the key read in the provider;
 * insertion order is the file's order. {@code location} null means the process environment.
 */
public record Bind(
        String namespace,
        String description,
        String location,
        Map<String, String> keys,
        Map<String, SourcePos> keyPositions,
        SourcePos pos) {}
