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
        if (!ids.isValid(id)) return new Lookup(Status.UNKNOWN, null);
        Long endedAt = ended.get(id);
        if (endedAt != null) {
            if (clock.millis() - endedAt < endedMemory.toMillis()) return new Lookup(Status.ENDED, null);
            ended.remove(id);
        }
        Session s = live.computeIfAbsent(id, k -> new Session(k, protocolVersion));
        return new Lookup(Status.OK, s);
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
