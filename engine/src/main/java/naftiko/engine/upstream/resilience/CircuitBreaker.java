package naftiko.engine.upstream.resilience;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The circuit of one upstream host: CLOSED while it answers; OPEN after {@code threshold}
 * consecutive failures (calls fail fast); after the cool-down one call is let through as a probe
 * (HALF_OPEN): its success closes the circuit, its failure opens it for another cool-down.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long cooldownNanos;
    private final LongSupplier clock;
    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong();

    public CircuitBreaker(int threshold, java.time.Duration cooldown) {
        this(threshold, cooldown, System::nanoTime);
    }

    CircuitBreaker(int threshold, java.time.Duration cooldown, LongSupplier clock) {
        this.threshold = Math.max(1, threshold);
        this.cooldownNanos = cooldown.toNanos();
        this.clock = clock;
    }

    public State state() {
        return state.get();
    }

    /** May a call go out now? In OPEN past the cool-down, exactly one caller wins the probe. */
    public boolean tryAcquire() {
        State s = state.get();
        if (s == State.CLOSED) return true;
        if (s == State.OPEN && clock.getAsLong() - openedAt.get() >= cooldownNanos) {
            return state.compareAndSet(State.OPEN, State.HALF_OPEN);
        }
        return false;
    }

    /** The upstream answered: reset the failure count and close. */
    public void onSuccess() {
        failures.set(0);
        state.set(State.CLOSED);
    }

    /** A failure of a call that was let through. */
    public void onFailure() {
        if (state.get() == State.HALF_OPEN) {
            open();
            return;
        }
        if (failures.incrementAndGet() >= threshold) open();
    }

    /** A call let through ended without telling anything about the host: a probe slot is given back. */
    public void onIgnored() {
        state.compareAndSet(State.HALF_OPEN, State.OPEN);
    }

    private void open() {
        openedAt.set(clock.getAsLong());
        state.set(State.OPEN);
    }
}
