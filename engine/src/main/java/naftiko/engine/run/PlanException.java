package naftiko.engine.run;

/**
 * A capability that loaded fine but cannot start in this environment. The message is one line
 * that says what to set, e.g. {@code missing variable POSTHOG_API_KEY (bind 'env', file.yaml:12:5):
 * export POSTHOG_API_KEY or pass --env-file}. Never contains a secret.
 */
public final class PlanException extends RuntimeException {
    public PlanException(String message) {
        super(message, null, false, false);
    }
}
