package naftiko.engine.upstream.resilience;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.upstream.UpstreamResponse;
import org.xnio.XnioIoThread;

/**
 * One upstream call under its host's guard: refused at once (UPSTREAM_UNAVAILABLE) when the host's
 * circuit is open or its in-flight limit is reached; retried for idempotent calls only, on
 * connection failures and 502/503/504 (and 429 carrying {@code Retry-After}), with full-jitter
 * backoff or the upstream's {@code Retry-After}, at most {@code maxRetries} times and never past
 * the request-timeout budget. Delays are scheduled, never slept. The circuit breaker counts calls:
 * only the final result of a call (after its retries) is a success or a failure.
 */
public final class ResilientExchange {
    /** Sends one attempt with at most {@code timeout} for the whole exchange. */
    @FunctionalInterface
    public interface Attempt {
        CompletableFuture<UpstreamResponse> send(Duration timeout);
    }

    /** Methods safe to repeat (RFC 9110 §9.2.2). */
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);
    private static final Set<UnitFailure.Kind> CONNECTION_FAILURES =
            Set.of(UnitFailure.Kind.UPSTREAM_UNREACHABLE, UnitFailure.Kind.UPSTREAM_PROTOCOL);
    private static final Set<UnitFailure.Kind> HOST_FAILURES = Set.of(UnitFailure.Kind.UPSTREAM_UNREACHABLE,
            UnitFailure.Kind.UPSTREAM_PROTOCOL, UnitFailure.Kind.UPSTREAM_TIMEOUT, UnitFailure.Kind.UPSTREAM_TLS);

    private final String namespace;
    private final HostGuard guard;
    private final ResiliencePolicy policy;

    public ResilientExchange(String namespace, HostGuard guard, ResiliencePolicy policy) {
        this.namespace = namespace;
        this.guard = guard;
        this.policy = policy;
    }

    public static boolean idempotent(String method, boolean hinted) {
        return hinted || IDEMPOTENT_METHODS.contains(method == null ? "" : method.toUpperCase(Locale.ROOT));
    }

    public CompletableFuture<UpstreamResponse> run(boolean idempotent, Duration budget, Attempt attempt) {
        CompletableFuture<UpstreamResponse> out = new CompletableFuture<>();
        long deadline = System.nanoTime() + budget.toNanos();
        go(0, idempotent, deadline, attempt, out, null);
        return out;
    }

    /** {@code last} is the previous attempt's result (response or failure), answered when this attempt is refused. */
    private void go(int retry, boolean idempotent, long deadline, Attempt attempt,
                    CompletableFuture<UpstreamResponse> out, Object last) {
        UnitFailure refused = admit();
        if (refused != null) {
            if (last != null) record(last);
            finish(out, last != null ? last : refused);
            return;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            guard.inFlight().release();
            if (last != null) record(last);
            else guard.breaker().onIgnored();
            finish(out, last != null ? last : new UnitFailure(UnitFailure.Kind.UPSTREAM_TIMEOUT,
                    "upstream '" + namespace + "' did not answer in time"));
            return;
        }
        CompletableFuture<UpstreamResponse> sent;
        try {
            sent = attempt.send(Duration.ofNanos(remaining));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((resp, error) -> {
            guard.inFlight().release();
            Object result = error != null ? UnitFailure.of(error) : resp;
            Duration delay = retryDelay(result, retry, idempotent);
            if (delay == null || System.nanoTime() + delay.toNanos() >= deadline) {
                record(result); // the breaker counts calls, not attempts: only a call's final result
                finish(out, result);
                return;
            }
            // a retry follows: give back a half-open probe slot so the retry can take it
            guard.breaker().onIgnored();
            Runnable next = () -> go(retry + 1, idempotent, deadline, attempt, out, result);
            if (Thread.currentThread() instanceof XnioIoThread io) {
                io.executeAfter(next, delay.toMillis(), TimeUnit.MILLISECONDS); // stays on the I/O thread of the call
            } else {
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(next);
            }
        });
    }

    /** Takes an in-flight permit and passes the circuit, or says why not. */
    private UnitFailure admit() {
        if (!guard.inFlight().tryAcquire()) {
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_UNAVAILABLE, "upstream '" + namespace + "' already has "
                    + guard.inFlight().limit() + " requests in flight; retry later");
        }
        if (!guard.breaker().tryAcquire()) {
            guard.inFlight().release();
            return new UnitFailure(UnitFailure.Kind.UPSTREAM_UNAVAILABLE, "upstream '" + namespace
                    + "' is failing; calls are refused for up to " + policy.openCooldown().toSeconds()
                    + " s before it is tried again");
        }
        return null;
    }

    private void record(Object result) {
        if (result instanceof UpstreamResponse r) {
            if (RETRYABLE_STATUS.contains(r.status())) guard.breaker().onFailure();
            else guard.breaker().onSuccess();
        } else if (result instanceof UnitFailure f) {
            if (HOST_FAILURES.contains(f.kind())) guard.breaker().onFailure();
            else if (f.kind().isUpstream()) guard.breaker().onSuccess();
            else guard.breaker().onIgnored();
        }
    }

    /** The delay before the next attempt, or null when this result is final. */
    private Duration retryDelay(Object result, int retry, boolean idempotent) {
        if (!idempotent || retry >= policy.maxRetries()) return null;
        Duration jitter = Backoff.fullJitter(policy.baseBackoff(), policy.maxBackoff(), retry);
        if (result instanceof UnitFailure f) {
            return CONNECTION_FAILURES.contains(f.kind()) ? jitter : null;
        }
        UpstreamResponse r = (UpstreamResponse) result;
        Duration after = null;
        if (r.status() == 429 || r.status() == 503) {
            List<String> v = r.headers().get("retry-after");
            after = Backoff.retryAfter(v == null || v.isEmpty() ? null : v.get(0), ZonedDateTime.now(ZoneOffset.UTC));
        }
        if (after != null) return after;
        return RETRYABLE_STATUS.contains(r.status()) ? jitter : null;
    }

    private static void finish(CompletableFuture<UpstreamResponse> out, Object result) {
        if (result instanceof UpstreamResponse r) out.complete(r);
        else out.completeExceptionally((Throwable) result);
    }
}
