package naftiko.engine.log;

import java.util.Locale;

/** {@code --log-format}: one line per event, as {@code key=value} text or as a JSON object. */
public enum LogFormat {
    TEXT, JSON;

    public static LogFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown log format '" + text + "' (use text or json)");
        }
    }
}
