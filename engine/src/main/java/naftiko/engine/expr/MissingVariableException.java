package naftiko.engine.expr;

/** A template referenced a name that has no value in scope. */
public final class MissingVariableException extends RuntimeException {
    private final String variable;

    public MissingVariableException(String variable) {
        super("no value for '" + variable + "'", null, false, false);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
