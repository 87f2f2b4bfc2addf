package naftiko.mcp.session;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server remembers about one client: the negotiated protocol version, the log level set
 * by {@code logging/setLevel}, and the requests still running (so that
 * {@code notifications/cancelled} can cancel them).
 */
public final class Session {

    private final String id;
    private volatile String protocolVersion;
    private volatile String logLevel = "info";
    private final Map<String, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
    private final Sessions.Lookup found = new Sessions.Lookup(Sessions.Status.OK, this);

    public Session(String id, String protocolVersion) {
        this.id = id;
        this.protocolVersion = protocolVersion;
    }

    /** The Mcp-Session-Id, or null for stdio (one implicit session per process). */
    public String id() {
        return id;
    }

    /** The successful lookup of this session (one object, not one per request). */
    Sessions.Lookup found() {
        return found;
    }

    /** The negotiated revision, or null before {@code initialize}. */
    public String protocolVersion() {
        return protocolVersion;
    }

    public void protocolVersion(String version) {
        this.protocolVersion = version;
    }

    public String logLevel() {
        return logLevel;
    }

    public void logLevel(String level) {
        this.logLevel = level;
    }

    public void track(String requestKey, CompletableFuture<?> work) {
        if (!work.isDone()) inFlight.put(requestKey, work);
    }

    public void untrack(String requestKey) {
        inFlight.remove(requestKey);
    }

    /** Cancels a running request; false when it is unknown or already finished. */
    public boolean cancel(String requestKey) {
        CompletableFuture<?> work = inFlight.remove(requestKey);
        return work != null && work.cancel(true);
    }

    /** Cancels everything still running (session ended, stdin closed). */
    public void cancelAll() {
        inFlight.values().forEach(f -> f.cancel(true));
        inFlight.clear();
    }
}
