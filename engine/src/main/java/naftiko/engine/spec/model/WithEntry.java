package naftiko.engine.spec.model;

/**
 * One entry of a {@code with} injector (SPEC.md §10.9): key, and a value that is a String
 * (literal, template or reference) or a Number.
 */
public record WithEntry(String key, Object value, SourcePos pos) {}
