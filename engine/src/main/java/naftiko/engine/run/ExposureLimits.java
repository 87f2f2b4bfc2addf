package naftiko.engine.run;

/**
 * Connection limits shared by every exposed HTTP server (REST, MCP, skill): how large a request
 * head may be and how long a client may take to send it (slow-loris protection) or stay idle.
 * The parse timeout can be tuned with the system property {@code naftiko.http.parseTimeoutMs}.
 */
public final class ExposureLimits {
    /** Request line plus headers, in bytes. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    /** A connection idle between requests is closed after this long. */
    public static final int IDLE_TIMEOUT_MS = 60_000;
    public static final int DEFAULT_PARSE_TIMEOUT_MS = 30_000;

    private ExposureLimits() {}

    /** Longest time to receive one request head; a client dripping bytes is cut off after it. */
    public static int parseTimeoutMillis() {
        Integer v = Integer.getInteger("naftiko.http.parseTimeoutMs");
        return v == null || v <= 0 ? DEFAULT_PARSE_TIMEOUT_MS : v;
    }
}
