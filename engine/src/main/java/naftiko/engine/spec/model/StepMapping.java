package naftiko.engine.spec.model;

/** {@code targetName} (dots nest) ← step-context path {@code value} (SPEC.md §8.2). */
public record StepMapping(String targetName, String value, SourcePos pos) {}
