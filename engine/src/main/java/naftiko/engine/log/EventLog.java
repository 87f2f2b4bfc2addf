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
    private static volatile LogWriter writer;
    /** How long an event waits for its line to be written before the caller goes on. */
    private static final long EVENT_WAIT_MILLIS = 2_000;

    static {
        // lines still queued at exit (SIGTERM, end of a command) are written first
        Runtime.getRuntime().addShutdownHook(new Thread(EventLog::flush, "naftiko-log-flush"));
    }

    private EventLog() {}

    /** Sets format, level and destination (null: stderr, as {@code System.err} is when each line is written). */
    public static void configure(LogFormat f, LogLevel l, PrintStream stream) {
        format = f == null ? LogFormat.TEXT : f;
        level = l == null ? LogLevel.INFO : l;
        LogWriter w = writer;
        if (w == null || w.stream() != stream) {
            writer = new LogWriter(stream);
            if (w != null) {
                try {
                    w.close(EVENT_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    static LogFormat format() {
        return format;
    }

    /** Waits (at most 2 s) until every line logged so far is written: before exit, and in tests. */
    public static void flush() {
        LogWriter w = writer;
        if (w != null) drain(w);
    }

    private static void drain(LogWriter w) {
        try {
            w.drain(EVENT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static LogWriter writer() {
        LogWriter w = writer;
        if (w != null) return w;
        synchronized (EventLog.class) {
            if (writer == null) writer = new LogWriter(null);
            return writer;
        }
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
        writer().offer(line.bytes()); // never waits: requests are logged on the servers' I/O threads
    }

    /**
     * A start-up, reload or shutdown event with its fields, in insertion order. Events are rare and
     * logged from the command's own threads: the call returns once the line is written (bounded wait).
     */
    public static void event(LogLevel l, String event, Map<String, ?> fields) {
        if (!enabled(l)) return;
        LogLine line = new LogLine(format, l, event);
        fields.forEach(line::field);
        LogWriter w = writer();
        try {
            long sequence = w.offerWaiting(line.bytes(), EVENT_WAIT_MILLIS);
            if (sequence >= 0) w.awaitWritten(sequence, EVENT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
