package naftiko.engine.log;

import java.util.Locale;

/** {@code --log-level}: events below the level are dropped. Requests are logged at INFO. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR, OFF;

    private final String lowerName = name().toLowerCase(Locale.ROOT);

    /** The name as JSON lines show it: {@code info}, {@code warn}, ... */
    public String lowerName() {
        return lowerName;
    }

    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown log level '" + text + "' (use debug, info, warn, error or off)");
        }
    }
}
