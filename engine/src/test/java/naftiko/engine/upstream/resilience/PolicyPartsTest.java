package naftiko.engine.upstream.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PolicyPartsTest {

    @Test
    void breakerGoesClosedOpenHalfOpenClosed() {
        AtomicLong now = new AtomicLong();
        CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(10), now::get);
        assertThat(b.tryAcquire()).isTrue();
        b.onFailure();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        b.onFailure();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(b.tryAcquire()).isFalse();
        now.set(Duration.ofSeconds(10).toNanos());
        assertThat(b.tryAcquire()).isTrue();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(b.tryAcquire()).as("only one probe").isFalse();
        b.onSuccess();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(b.tryAcquire()).isTrue();
    }

    @Test
    void aFailedProbeReopensForAFullCooldown() {
        AtomicLong now = new AtomicLong();
        CircuitBreaker b = new CircuitBreaker(1, Duration.ofSeconds(10), now::get);
        b.onFailure();
        now.set(Duration.ofSeconds(11).toNanos());
        assertThat(b.tryAcquire()).isTrue();
        b.onFailure();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.set(Duration.ofSeconds(20).toNanos());
        assertThat(b.tryAcquire()).isFalse();
        now.set(Duration.ofSeconds(21).toNanos());
        assertThat(b.tryAcquire()).isTrue();
    }

    @Test
    void aSuccessResetsTheConsecutiveCount() {
        CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(10));
        b.onFailure();
        b.onSuccess();
        b.onFailure();
        assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void fullJitterStaysWithinTheExponentialCap() {
        for (int i = 0; i < 200; i++) {
            assertThat(Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(2), 0).toMillis()).isBetween(0L, 100L);
            assertThat(Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(2), 3).toMillis()).isBetween(0L, 800L);
            assertThat(Backoff.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(2), 30).toMillis()).isBetween(0L, 2000L);
        }
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        ZonedDateTime now = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        assertThat(Backoff.retryAfter("3", now)).isEqualTo(Duration.ofSeconds(3));
        assertThat(Backoff.retryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Backoff.retryAfter("Wed, 31 Dec 2025 00:00:05 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(Backoff.retryAfter("soon", now)).isNull();
        assertThat(Backoff.retryAfter(null, now)).isNull();
    }

    @Test
    void durationsAreWrittenWithUnits() {
        assertThat(ResiliencePolicy.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ResiliencePolicy.parseDuration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(ResiliencePolicy.parseDuration("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ResiliencePolicy.parseDuration("0s")).isNull();
        assertThat(ResiliencePolicy.parseDuration("fast")).isNull();
    }

    @Test
    void namespaceTimeoutsComeFromTheEnvironment() {
        Map<String, String> env = Map.of("NAFTIKO_UPSTREAM_TIMEOUT_POST_HOG", "2s", "NAFTIKO_CONNECT_TIMEOUT_POST_HOG", "500ms");
        NamespaceTimeouts t = NamespaceTimeouts.of("post-hog", env, Duration.ofSeconds(5), Duration.ofSeconds(30));
        assertThat(t).isEqualTo(new NamespaceTimeouts(Duration.ofMillis(500), Duration.ofSeconds(2)));
        assertThat(NamespaceTimeouts.of("other", env, Duration.ofSeconds(5), Duration.ofSeconds(30)))
                .isEqualTo(new NamespaceTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    @Test
    void policyOverridesComeFromTheEnvironment() {
        ResiliencePolicy p = ResiliencePolicy.fromEnvironment(Map.of("NAFTIKO_UPSTREAM_RETRIES", "0",
                "NAFTIKO_UPSTREAM_MAX_IN_FLIGHT", "16", "NAFTIKO_UPSTREAM_BREAKER_COOLDOWN", "2s",
                "NAFTIKO_UPSTREAM_MAX_RESPONSE_BYTES", "nope"));
        assertThat(p.maxRetries()).isZero();
        assertThat(p.maxInFlight()).isEqualTo(16);
        assertThat(p.openCooldown()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void guardsAreSharedPerHost() {
        HostGuards g = new HostGuards(ResiliencePolicy.defaults());
        assertThat(g.forBaseUri("http://API.example.com/v1")).isSameAs(g.forBaseUri("http://api.example.com:80/v2"));
        assertThat(g.forBaseUri("https://api.example.com")).isNotSameAs(g.forBaseUri("http://api.example.com"));
    }
}
