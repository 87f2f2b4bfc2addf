package naftiko.engine.upstream.resilience;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How upstream calls are guarded. Defaults: 2 retries (idempotent methods only) with full-jitter
 * exponential backoff from 100 ms capped at 2 s, never beyond the request timeout; the circuit of a
 * host opens after 5 consecutive failures and probes again after 10 s; at most 256 requests in
 * flight per host; responses above 10 MiB are refused.
 *
 * <p>Each value can be overridden from the process environment ({@link #fromEnvironment}):
 * {@code NAFTIKO_UPSTREAM_RETRIES}, {@code NAFTIKO_UPSTREAM_BREAKER_FAILURES},
 * {@code NAFTIKO_UPSTREAM_BREAKER_COOLDOWN} (duration), {@code NAFTIKO_UPSTREAM_MAX_IN_FLIGHT},
 * {@code NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES}.
 */
public record ResiliencePolicy(
        int maxRetries,
        Duration baseBackoff,
        Duration maxBackoff,
        int failureThreshold,
        Duration openCooldown,
        int maxInFlight,
        long maxResponseBytes) {

    public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

    public static ResiliencePolicy defaults() {
        return new ResiliencePolicy(2, Duration.ofMillis(100), Duration.ofSeconds(2), 5, Duration.ofSeconds(10),
                256, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** Defaults with the {@code NAFTIKO_UPSTREAM_*} overrides of {@code env} applied; bad values are ignored. */
    public static ResiliencePolicy fromEnvironment(Map<String, String> env) {
        ResiliencePolicy d = defaults();
        if (env == null) return d;
        return new ResiliencePolicy(
                count(env.get("NAFTIKO_UPSTREAM_RETRIES"), d.maxRetries(), 0),
                d.baseBackoff(), d.maxBackoff(),
                count(env.get("NAFTIKO_UPSTREAM_BREAKER_FAILURES"), d.failureThreshold(), 1),
                duration(env.get("NAFTIKO_UPSTREAM_BREAKER_COOLDOWN"), d.openCooldown()),
                count(env.get("NAFTIKO_UPSTREAM_MAX_IN_FLIGHT"), d.maxInFlight(), 1),
                count(env.get("NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES"), d.maxResponseBytes(), 1));
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    /** {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h} (bare numbers are seconds); null when not a positive duration. */
    public static Duration parseDuration(String text) {
        if (text == null) return null;
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d;
        try {
            d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
        } catch (ArithmeticException e) {
            return null; // too large for a Duration
        }
        return d.isZero() ? null : d;
    }

    private static Duration duration(String text, Duration fallback) {
        Duration d = parseDuration(text);
        return d == null ? fallback : d;
    }

    private static int count(String text, int fallback, int min) {
        return (int) Math.min(Integer.MAX_VALUE, count(text, (long) fallback, min));
    }

    private static long count(String text, long fallback, int min) {
        if (text == null) return fallback;
        try {
            long v = Long.parseLong(text.trim());
            return v < min ? fallback : v;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
