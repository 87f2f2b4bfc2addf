package naftiko.engine.upstream.transport;

import io.undertow.client.ClientConnection;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;

/**
 * Idle keep-alive connections of one I/O thread, per origin. Each thread has its own pool (a thread
 * local) and only ever touches it from that thread, so no locks: a connection is taken, used and
 * given back on the I/O thread it belongs to. At most {@link #MAX_IDLE} idle connections per
 * origin; one idle longer than {@link #IDLE_EXPIRY_NANOS} is closed (a sweep runs while some are idle).
 * The most recently used connection is taken first, so a quiet period lets the others expire.
 */
final class ConnectionPool {
    static final int MAX_IDLE = 64;
    static final long IDLE_EXPIRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final ThreadLocal<ConnectionPool> OF_THREAD = ThreadLocal.withInitial(ConnectionPool::new);

    private record Idle(ClientConnection connection, long since) {}

    private final Map<Origin, ArrayDeque<Idle>> idle = new HashMap<>();
    private boolean sweepScheduled;

    private ConnectionPool() {}

    /** The pool of the calling I/O thread. */
    static ConnectionPool ofThisThread() {
        return OF_THREAD.get();
    }

    /**
     * An open idle connection to {@code origin}, or null. Connections the upstream closed while
     * they were idle are dropped here: Undertow watches idle connections for the peer's close and
     * marks them closed, so {@code isOpen()} is false once that event has been processed.
     */
    ClientConnection take(Origin origin) {
        ArrayDeque<Idle> q = idle.get(origin);
        if (q == null) return null;
        long now = System.nanoTime();
        for (Idle i; (i = q.pollLast()) != null; ) {
            if (i.connection.isOpen() && now - i.since < IDLE_EXPIRY_NANOS) return i.connection;
            IoUtils.safeClose(i.connection);
        }
        return null;
    }

    /** Gives back a connection after a complete exchange; closes it when the pool is full. */
    void release(Origin origin, ClientConnection connection) {
        if (!connection.isOpen()) return;
        ArrayDeque<Idle> q = idle.computeIfAbsent(origin, o -> new ArrayDeque<>());
        if (q.size() >= MAX_IDLE) {
            IoUtils.safeClose(connection);
            return;
        }
        if (!sweepScheduled) {
            XnioIoThread thread = connection.getIoThread();
            try {
                thread.executeAfter(() -> sweep(thread), IDLE_EXPIRY_NANOS, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                IoUtils.safeClose(connection); // the thread is shutting down (e.g. its server stopped): keep nothing
                return;
            }
            sweepScheduled = true;
        }
        q.addLast(new Idle(connection, System.nanoTime()));
    }

    /** Closes expired and closed idle connections; runs again while any stay idle. */
    private void sweep(XnioIoThread thread) {
        long now = System.nanoTime();
        boolean any = false;
        for (var it = idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Idle> q = it.next();
            q.removeIf(i -> {
                boolean drop = !i.connection.isOpen() || now - i.since >= IDLE_EXPIRY_NANOS;
                if (drop) IoUtils.safeClose(i.connection);
                return drop;
            });
            if (q.isEmpty()) it.remove();
            else any = true;
        }
        sweepScheduled = any;
        if (any) thread.executeAfter(() -> sweep(thread), IDLE_EXPIRY_NANOS / 2, TimeUnit.NANOSECONDS);
    }
}
