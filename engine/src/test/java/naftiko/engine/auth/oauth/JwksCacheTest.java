package naftiko.engine.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksCacheTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
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

    private final ManualClock clock = new ManualClock();
    private final AtomicReference<Reply> jwks = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeUpstream as;
    private RSAKey key;

    @BeforeEach
    void start() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        jwks.set(Reply.json(200, new JWKSet(List.<JWK>of(key.toPublicJWK())).toString()));
        as = new FakeUpstream();
    }

    @AfterEach
    void stop() {
        as.close();
    }

    private long count(String path) {
        return as.requests().stream().filter(r -> r.path().equals(path)).count();
    }

    @Test
    void fallsBackToOpenIdConfiguration() throws Exception {
        as.answer(r -> switch (r.path()) {
            case "/.well-known/openid-configuration" -> Reply.json(200, "{\"jwks_uri\":\"" + as.baseUri() + "/keys\"}");
            case "/keys" -> jwks.get();
            default -> Reply.json(404, "{}");
        });
        JwksCache cache = new JwksCache(as.baseUri() + "/", http, clock);
        assertThat(cache.keys().get().getKeyByKeyId("k1")).isNotNull();
        assertThat(as.requests()).extracting(FakeUpstream.Recorded::path).containsExactly(
                "/.well-known/oauth-authorization-server", "/.well-known/openid-configuration", "/keys");
    }

    @Test
    void issuerWithAPathAlsoTriesTheRfc8414Form() throws Exception {
        as.answer(r -> switch (r.path()) {
            case "/.well-known/oauth-authorization-server/tenant" -> Reply.json(200, "{\"jwks_uri\":\"" + as.baseUri() + "/keys\"}");
            case "/keys" -> jwks.get();
            default -> Reply.json(404, "{}");
        });
        JwksCache cache = new JwksCache(as.baseUri() + "/tenant", http, clock);
        assertThat(cache.keys().get().getKeys()).hasSize(1);
        assertThat(as.requests()).extracting(FakeUpstream.Recorded::path).containsExactly(
                "/tenant/.well-known/oauth-authorization-server", "/.well-known/oauth-authorization-server/tenant", "/keys");
    }

    private JwksCache discovered() {
        as.answer(r -> switch (r.path()) {
            case "/.well-known/oauth-authorization-server" -> Reply.json(200, "{\"jwks_uri\":\"" + as.baseUri() + "/keys\"}");
            case "/keys" -> jwks.get();
            default -> Reply.json(404, "{}");
        });
        return new JwksCache(as.baseUri(), http, clock);
    }

    @Test
    void cachesForFiveMinutesAndKeepsStaleKeysWhenTheRefetchFails() throws Exception {
        JwksCache cache = discovered();
        cache.keys().get();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        cache.keys().get();
        assertThat(count("/keys")).isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        jwks.set(Reply.json(500, "{}"));
        assertThat(cache.keys().get().getKeyByKeyId("k1")).as("stale keys served").isNotNull();
        assertThat(count("/keys")).isEqualTo(2);
        assertThat(count("/.well-known/oauth-authorization-server")).as("jwks_uri discovered once").isEqualTo(1);
    }

    @Test
    void unknownKidRefreshesAtMostOncePerThirtySeconds() throws Exception {
        JwksCache cache = discovered();
        cache.keys().get();
        cache.refreshForUnknownKey().get();
        cache.refreshForUnknownKey().get();
        assertThat(count("/keys")).isEqualTo(2);
        clock.now = clock.now.plusSeconds(31);
        cache.refreshForUnknownKey().get();
        assertThat(count("/keys")).isEqualTo(3);
    }

    @Test
    void noMetadataAnywhereIsUnavailable() {
        as.answer(Reply.json(404, "{}"));
        JwksCache cache = new JwksCache(as.baseUri(), http, clock);
        assertThatThrownBy(() -> cache.keys().get()).hasCauseInstanceOf(JwksCache.Unavailable.class)
                .hasMessageContaining("no authorization server metadata");
        cache.keys().exceptionally(e -> null).join();
        assertThat(as.requests()).as("a failure moments ago is answered without new requests").hasSize(2);
    }
}
