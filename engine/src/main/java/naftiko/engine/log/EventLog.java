package naftiko.engine.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The structured log of a running naftiko: one line per event on stderr, as {@code key=value}
 * text or JSON. Every adapter logs its requests here ({@link #request}); the run command logs
 * start-up and reload events ({@link #event}). Callers pass only values that are safe to show:
 * ids, unit names, statuses, paths without query strings, file names, diagnostics.
 */
public final class EventLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:/@<>{}+-]+");

    private static volatile LogFormat format = LogFormat.TEXT;
    private static volatile LogLevel level = LogLevel.INFO;
    private static volatile PrintStream out = System.err;

    private EventLog() {}

    /** Sets format, level and destination (null keeps stderr). */
    public static void configure(LogFormat f, LogLevel l, PrintStream stream) {
        format = f == null ? LogFormat.TEXT : f;
        level = l == null ? LogLevel.INFO : l;
        out = stream == null ? System.err : stream;
    }

    public static boolean enabled(LogLevel l) {
        return l != LogLevel.OFF && l.compareTo(level) >= 0;
    }

    /**
     * One line per inbound request, at INFO.
     *
     * @param upstreamStatus 0 when no upstream answered
     */
    public static void request(String requestId, String adapter, String unit, String method, String path,
                               String status, int upstreamStatus, long durationNanos) {
        if (!enabled(LogLevel.INFO)) return;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("request_id", requestId);
        f.put("adapter", adapter);
        f.put("unit", unit == null ? "-" : unit);
        if (method != null) f.put("method", method);
        if (path != null) f.put("path", path);
        f.put("status", status);
        f.put("upstream_status", upstreamStatus == 0 ? "-" : Integer.toString(upstreamStatus));
        f.put("duration_ms", String.format(Locale.ROOT, "%.1f", durationNanos / 1_000_000.0));
        write(LogLevel.INFO, "request", f);
    }

    /** A start-up, reload or shutdown event with its fields, in insertion order. */
    public static void event(LogLevel l, String event, Map<String, ?> fields) {
        if (!enabled(l)) return;
        write(l, event, fields);
    }

    private static void write(LogLevel l, String event, Map<String, ?> fields) {
        String line = format == LogFormat.JSON ? json(l, event, fields) : text(l, event, fields);
        PrintStream o = out;
        synchronized (o) {
            o.println(line);
        }
    }

    private static String json(LogLevel l, String event, Map<String, ?> fields) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ts", Instant.now().toString());
        node.put("level", l.name().toLowerCase(Locale.ROOT));
        node.put("event", event);
        fields.forEach((k, v) -> node.put(k, v == null ? null : v.toString()));
        return node.toString();
    }

    private static String text(LogLevel l, String event, Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder(Instant.now().toString()).append(' ')
                .append(l.name()).append(' ').append(event);
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=').append(quoted(v == null ? "-" : v.toString())));
        return sb.toString();
    }

    private static String quoted(String v) {
        if (!v.isEmpty() && BARE.matcher(v).matches()) return v;
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
