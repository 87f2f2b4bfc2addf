package naftiko.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionIdsTest {

    private static final byte[] SECRET = "shared-secret-between-instances".getBytes(StandardCharsets.UTF_8);

    @Test
    void instancesSharingTheSecretAcceptEachOthersIds() {
        SessionIds a = new SessionIds(SECRET);
        SessionIds b = SessionIds.fromEnvironment("shared-secret-between-instances");
        String id = a.issue(1_700_000_000_000L);
        assertThat(b.isValid(id)).isTrue();
        assertThat(SessionIds.fromEnvironment(null).isValid(id)).isFalse();
    }

    @Test
    void tamperedOrMalformedIdsAreRejected() {
        SessionIds ids = new SessionIds(SECRET);
        String id = ids.issue(1L);
        // Every other last character must be refused, including those that differ only in the
        // unused low bits of base64 (they decode to the same bytes).
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = id.charAt(id.length() - 1);
        for (char c : alphabet.toCharArray()) {
            if (c != last) assertThat(ids.isValid(id.substring(0, id.length() - 1) + c)).as("last char %s", c).isFalse();
        }
        assertThat(ids.isValid("x" + id.substring(1))).isFalse();
        assertThat(ids.isValid("no-dot")).isFalse();
        assertThat(ids.isValid("a.b.c")).isFalse();
        assertThat(ids.isValid("")).isFalse();
        assertThat(ids.isValid(null)).isFalse();
        assertThat(ids.issue(1L)).isNotEqualTo(id);
    }

    @Test
    void endedSessionsAreRememberedForABoundedTime() {
        MutableClock clock = new MutableClock();
        Sessions sessions = new Sessions(new SessionIds(SECRET), clock, 3, Duration.ofMinutes(10));
        Session s = sessions.open("2025-06-18");
        assertThat(sessions.find(s.id(), null).session()).isSameAs(s);
        assertThat(sessions.end(s.id())).isTrue();
        assertThat(sessions.find(s.id(), null).status()).isEqualTo(Sessions.Status.ENDED);
        assertThat(sessions.end(s.id())).isFalse();
        clock.now = clock.now.plus(Duration.ofMinutes(11));
        assertThat(sessions.find(s.id(), "2025-06-18").status()).isEqualTo(Sessions.Status.OK);
    }

    @Test
    void aValidIdFromAnotherInstanceGetsFreshState() {
        String id = new SessionIds(SECRET).issue(5L);
        Sessions here = new Sessions(new SessionIds(SECRET), Clock.systemUTC(), 3, Duration.ofMinutes(1));
        Sessions.Lookup l = here.find(id, "2025-11-25");
        assertThat(l.status()).isEqualTo(Sessions.Status.OK);
        assertThat(l.session().protocolVersion()).isEqualTo("2025-11-25");
        assertThat(here.find("forged.id", null).status()).isEqualTo(Sessions.Status.UNKNOWN);
    }

    @Test
    void aKnownSessionIsFoundAsItIsUntilItEnds() {
        Sessions sessions = new Sessions(new SessionIds(SECRET), Clock.systemUTC(), 3, Duration.ofMinutes(1));
        Session s = sessions.open("2025-06-18");
        for (int i = 0; i < 3; i++) {
            Sessions.Lookup l = sessions.find(s.id(), "2025-03-26");
            assertThat(l.status()).isEqualTo(Sessions.Status.OK);
            assertThat(l.session()).isSameAs(s);
            assertThat(l.session().protocolVersion()).isEqualTo("2025-06-18");
        }
        assertThat(sessions.end(s.id())).isTrue();
        assertThat(sessions.find(s.id(), null).status()).isEqualTo(Sessions.Status.ENDED);
        assertThat(sessions.find(s.id(), null).session()).isNull();
    }

    @Test
    void aSessionForgottenByTheBoundIsCheckedAgainBeforeItGetsFreshState() {
        Sessions sessions = new Sessions(new SessionIds(SECRET), Clock.systemUTC(), 2, Duration.ofMinutes(1));
        Session first = sessions.open("2025-06-18");
        sessions.open("2025-06-18");
        sessions.open("2025-06-18"); // first is evicted
        Sessions.Lookup again = sessions.find(first.id(), "2025-11-25");
        assertThat(again.status()).isEqualTo(Sessions.Status.OK);
        assertThat(again.session()).isNotSameAs(first);
        assertThat(again.session().protocolVersion()).isEqualTo("2025-11-25");
        char last = first.id().charAt(first.id().length() - 1);
        String tampered = first.id().substring(0, first.id().length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(sessions.find(tampered, null).status()).isEqualTo(Sessions.Status.UNKNOWN);
        assertThat(sessions.find(null, null).status()).isEqualTo(Sessions.Status.UNKNOWN);
    }

    @Test
    void liveStateIsBounded() {
        Sessions sessions = new Sessions(new SessionIds(SECRET), Clock.systemUTC(), 3, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) sessions.open("2025-06-18");
        assertThat(sessions.size()).isEqualTo(3);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
