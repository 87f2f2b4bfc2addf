package naftiko.engine.upstream.resilience;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** Retry delays: exponential backoff with full jitter, and the upstream's {@code Retry-After}. */
public final class Backoff {
    private Backoff() {}

    /** A uniformly random delay in [0, min(max, base·2^retry)] ("full jitter"); {@code retry} counts from 0. */
    public static Duration fullJitter(Duration base, Duration max, int retry) {
        long cap = Math.min(max.toMillis(), base.toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
    }

    /**
     * {@code Retry-After} as a delay: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); null when
     * absent or unreadable. A date in the past is a zero delay.
     */
    public static Duration retryAfter(String value, ZonedDateTime now) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
