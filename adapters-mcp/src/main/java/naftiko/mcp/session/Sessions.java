package naftiko.mcp.session;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sessions of one HTTP exposure. Ids are self-validating ({@link SessionIds}); state is created
 * lazily for a valid id issued by another instance. Ended sessions are remembered in a bounded,
 * expiring set: ending a session is therefore per instance (another instance sharing the secret
 * still accepts the id until it is ended there too).
 */
public final class Sessions {

    /** Lookup verdicts. */
    public enum Status { OK, UNKNOWN, ENDED }

    public record Lookup(Status status, Session session) {}

    private static final Lookup UNKNOWN = new Lookup(Status.UNKNOWN, null);
    private static final Lookup ENDED = new Lookup(Status.ENDED, null);

    private final SessionIds ids;
    private final Clock clock;
    private final Duration endedMemory;
    private final Map<String, Session> live;
    private final Map<String, Long> ended;

    public Sessions(SessionIds ids, Clock clock, int maxEntries, Duration endedMemory) {
        this.ids = ids;
        this.clock = clock;
        this.endedMemory = endedMemory;
        this.live = lru(maxEntries);
        this.ended = lru(maxEntries);
    }

    public synchronized Session open(String protocolVersion) {
        String id = ids.issue(clock.millis());
        Session s = new Session(id, protocolVersion);
        live.put(id, s);
        return s;
    }

    /**
     * @param protocolVersion the version to assume when this instance has not seen the session
     *                        (issued elsewhere, or forgotten by the LRU)
     */
    public synchronized Lookup find(String id, String protocolVersion) {
        // A live session's id was validated when it was issued or first seen, and ending a session
        // removes it from here: no HMAC for the sessions this instance already knows.
        Session known = id == null ? null : live.get(id);
        if (known != null) return known.found();
        if (!ids.isValid(id)) return UNKNOWN;
        Long endedAt = ended.get(id);
        if (endedAt != null) {
            if (clock.millis() - endedAt < endedMemory.toMillis()) return ENDED;
            ended.remove(id);
        }
        Session s = new Session(id, protocolVersion);
        live.put(id, s);
        return s.found();
    }

    /** Ends a session (DELETE); false when the id is not valid or already ended. */
    public synchronized boolean end(String id) {
        Lookup l = find(id, null);
        if (l.status() != Status.OK) return false;
        live.remove(id);
        l.session().cancelAll();
        ended.put(id, clock.millis());
        return true;
    }

    public synchronized int size() {
        return live.size();
    }

    private <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }
}
