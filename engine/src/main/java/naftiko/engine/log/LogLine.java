package naftiko.engine.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds one log line, as {@code key=value} text or as a JSON object, by appending to one
 * {@link StringBuilder}: no map, no regex, no {@code String.format} and no JSON tree per line,
 * because a line is written for every request and its cost counts in the gateway's CPU per request.
 */
final class LogLine {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    /** The last formatted second ("2026-12-04T18:21:03") and the epoch second it stands for. */
    private static volatile CachedSecond cached = new CachedSecond(Long.MIN_VALUE, "");

    private record CachedSecond(long epochSecond, String text) {}

    private final LogFormat format;
    private final StringBuilder sb = new StringBuilder(192);

    LogLine(LogFormat format, LogLevel level, String event) {
        this.format = format;
        if (format == LogFormat.JSON) {
            sb.append("{\"ts\":\"");
            timestamp(sb);
            sb.append("\",\"level\":\"").append(level.lowerName()).append("\",\"event\":");
            jsonString(event);
        } else {
            timestamp(sb);
            sb.append(' ').append(level.name()).append(' ').append(event);
        }
    }

    /** Appends one field; a null value is shown as {@code -} in text and {@code null} in JSON. */
    LogLine field(String key, Object value) {
        String v = value == null ? null : value.toString();
        if (format == LogFormat.JSON) {
            sb.append(",\"").append(key).append("\":");
            if (v == null) sb.append("null");
            else jsonString(v);
        } else {
            sb.append(' ').append(key).append('=');
            textValue(v == null ? "-" : v);
        }
        return this;
    }

    /** A duration in milliseconds with one decimal, e.g. {@code 12.3}. */
    LogLine millis(String key, long nanos) {
        long tenths = Math.max(0, (nanos + 50_000) / 100_000);
        String v = (tenths / 10) + "." + (tenths % 10);
        return field(key, v);
    }

    byte[] bytes() {
        if (format == LogFormat.JSON) sb.append('}');
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return format == LogFormat.JSON ? sb + "}" : sb.toString();
    }

    /** ISO-8601 UTC with milliseconds, e.g. {@code 2026-12-04T18:21:03.042Z}; the date part is formatted once a second. */
    static void timestamp(StringBuilder out) {
        long now = System.currentTimeMillis();
        long second = Math.floorDiv(now, 1000);
        CachedSecond c = cached;
        if (c.epochSecond() != second) {
            c = new CachedSecond(second, SECOND.format(Instant.ofEpochSecond(second)));
            cached = c;
        }
        int ms = (int) Math.floorMod(now, 1000);
        out.append(c.text()).append('.');
        if (ms < 100) out.append('0');
        if (ms < 10) out.append('0');
        out.append(ms).append('Z');
    }

    /** Bare when every character is safe in a key=value line, else double-quoted with \ " and newlines escaped. */
    private void textValue(String v) {
        if (!v.isEmpty() && bare(v)) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        sb.append('"');
    }

    private static boolean bare(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ".:/@<>+-_".indexOf(c) >= 0 || c == '{' || c == '}';
            if (!ok) return false;
        }
        return true;
    }

    /** A JSON string literal (RFC 8259 escapes; control characters as \\u00XX). */
    private void jsonString(String v) {
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
