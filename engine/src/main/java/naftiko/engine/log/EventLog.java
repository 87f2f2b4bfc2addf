package naftiko.engine.log;

import java.io.PrintStream;
import java.util.Map;

/**
 * The structured log of a running naftiko: one line per event on stderr, as {@code key=value}
 * text or JSON. Every adapter logs its requests here ({@link #request}); the run command logs
 * start-up and reload events ({@link #event}). Callers pass only values that are safe to show:
 * ids, unit names, statuses, paths without query strings, file names, diagnostics.
 */
public final class EventLog {

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
        LogLine line = new LogLine(format, LogLevel.INFO, "request")
                .field("request_id", requestId)
                .field("adapter", adapter)
                .field("unit", unit == null ? "-" : unit);
        if (method != null) line.field("method", method);
        if (path != null) line.field("path", path);
        line.field("status", status)
                .field("upstream_status", upstreamStatus == 0 ? "-" : Integer.toString(upstreamStatus))
                .millis("duration_ms", durationNanos);
        write(line);
    }

    /** A start-up, reload or shutdown event with its fields, in insertion order. */
    public static void event(LogLevel l, String event, Map<String, ?> fields) {
        if (!enabled(l)) return;
        LogLine line = new LogLine(format, l, event);
        fields.forEach(line::field);
        write(line);
    }

    /** One write of the whole line's bytes (one system call on an unbuffered stream such as stderr). */
    private static void write(LogLine line) {
        byte[] bytes = line.bytes();
        PrintStream o = out;
        synchronized (o) {
            o.write(bytes, 0, bytes.length);
            o.flush();
        }
    }
}
