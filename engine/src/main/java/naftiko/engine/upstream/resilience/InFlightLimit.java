package naftiko.engine.upstream.resilience;

import java.util.concurrent.Semaphore;

/** At most {@code limit} requests in flight to one upstream host; beyond it callers are refused, never queued. */
public final class InFlightLimit {
    private final int limit;
    private final Semaphore permits;

    public InFlightLimit(int limit) {
        this.limit = Math.max(1, limit);
        this.permits = new Semaphore(this.limit);
    }

    public boolean tryAcquire() {
        return permits.tryAcquire();
    }

    public void release() {
        permits.release();
    }

    public int limit() {
        return limit;
    }

    public int inFlight() {
        return limit - permits.availablePermits();
    }
}
