package naftiko.engine.log;

import java.util.Locale;

/** {@code --log-level}: events below the level are dropped. Requests are logged at INFO. */
public enum LogLevel {
    DEBUG, INFO, WARN, ERROR, OFF;

    public static LogLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown log level '" + text + "' (use debug, info, warn, error or off)");
        }
    }
}
