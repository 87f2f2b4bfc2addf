package naftiko.engine.spec;

/** How bad a diagnostic is. {@code --strict} promotes leniency warnings to errors. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
