package naftiko.engine.spec;

import naftiko.engine.spec.model.SourcePos;

/**
 * One problem found in a capability file: {@code file:line:col: error [rule-id] message}, plus an
 * optional hint telling the author how to fix it. {@code lenient} marks warnings that record a
 * tolerated deviation from the schema (REAL-WORLD.md); {@code --strict} turns exactly those into errors.
 */
public record Diagnostic(Severity severity, String rule, String message, String hint, SourcePos pos, boolean lenient) {

    public static Diagnostic error(String rule, String message, String hint, SourcePos pos) {
        return new Diagnostic(Severity.ERROR, rule, message, hint, pos, false);
    }

    public static Diagnostic warning(String rule, String message, String hint, SourcePos pos) {
        return new Diagnostic(Severity.WARNING, rule, message, hint, pos, false);
    }

    /** A tolerated deviation: a warning by default, an error under {@code --strict}. */
    public static Diagnostic leniency(String rule, String message, String hint, SourcePos pos) {
        return new Diagnostic(Severity.WARNING, rule, message, hint, pos, true);
    }

    /** The same diagnostic as seen under {@code --strict}. */
    public Diagnostic strict() {
        return lenient ? new Diagnostic(Severity.ERROR, rule, message, hint, pos, true) : this;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:LINE:COL: error [rule] message (hint)} — the one human format. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(pos == null ? "<unknown>" : pos.toString()).append(": ")
                .append(severity.label()).append(" [").append(rule).append("] ").append(message);
        if (hint != null && !hint.isBlank()) sb.append(" (").append(hint).append(')');
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
