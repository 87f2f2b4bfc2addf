package naftiko.engine.spec.model;

/** A named JsonPath extraction on an upstream response (SPEC.md §5.6). */
public record ConsumedOutput(String name, String type, String value, SourcePos pos) {}
