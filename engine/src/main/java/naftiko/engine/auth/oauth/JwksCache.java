package naftiko.engine.auth.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The authorization server's signing keys (SPEC.md §13.2): the {@code jwks_uri} is discovered
 * from the server's metadata ({@code {issuer}/.well-known/oauth-authorization-server}, then the
 * RFC 8414 form for issuers with a path, then {@code /.well-known/openid-configuration}), the key
 * set is cached for {@link #TTL} and refetched early when a token names an unknown {@code kid},
 * such early refetches at most once per {@link #MIN_REFRESH}. Every fetch is asynchronous; concurrent callers share it.
 */
final class JwksCache {

    static final Duration TTL = Duration.ofMinutes(5);
    static final Duration MIN_REFRESH = Duration.ofSeconds(30);
    static final Duration FAILURE_BACKOFF = Duration.ofSeconds(5);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_DOCUMENT_BYTES = 512 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why the keys could not be had; the message is safe to log, never sent to a client. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt) {}

    private final String issuer;
    private final HttpClient http;
    private final Clock clock;
    private volatile URI jwksUri;
    private volatile Snapshot snapshot;
    private volatile Instant lastRefresh = Instant.EPOCH;
    private volatile Instant lastFailure = Instant.EPOCH;
    private CompletableFuture<JWKSet> inFlight;

    JwksCache(String issuer, HttpClient http, Clock clock) {
        this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The cached keys when fresh, else a fetch. When the refetch of stale keys fails, the stale
     * keys keep serving (an authorization server outage must not lock every client out at once).
     */
    CompletableFuture<JWKSet> keys() {
        Snapshot s = snapshot;
        if (s != null && s.fetchedAt().plus(TTL).isAfter(clock.instant())) return CompletableFuture.completedFuture(s.keys());
        if (s != null) return fetch().exceptionally(failure -> s.keys());
        return fetch();
    }

    /**
     * A token named a key we do not hold: refetch unless the last attempt is more recent than
     * {@link #MIN_REFRESH} (a flood of forged kids must not hammer the authorization server).
     */
    synchronized CompletableFuture<JWKSet> refreshForUnknownKey() {
        if (inFlight != null && !inFlight.isDone()) return inFlight;
        if (lastRefresh.plus(MIN_REFRESH).isAfter(clock.instant())) {
            Snapshot s = snapshot;
            return s != null ? CompletableFuture.completedFuture(s.keys()) : fetch();
        }
        lastRefresh = clock.instant();
        return fetch();
    }

    private synchronized CompletableFuture<JWKSet> fetch() {
        if (inFlight != null && !inFlight.isDone()) return inFlight;
        if (inFlight != null && inFlight.isCompletedExceptionally()
                && lastFailure.plus(FAILURE_BACKOFF).isAfter(clock.instant())) {
            return inFlight; // failed moments ago: answer at once instead of hammering the server
        }
        CompletableFuture<URI> uri = jwksUri != null ? CompletableFuture.completedFuture(jwksUri) : discover(candidates(), 0, new ArrayList<>());
        inFlight = uri.thenCompose(u -> get(u).thenApply(body -> {
            try {
                JWKSet set = JWKSet.parse(body);
                snapshot = new Snapshot(set, clock.instant());
                return set;
            } catch (ParseException e) {
                throw new Unavailable("the JWK set at " + u + " is not valid: " + e.getMessage());
            }
        }));
        inFlight.whenComplete((keys, failure) -> {
            if (failure != null) lastFailure = clock.instant();
        });
        return inFlight;
    }

    private List<URI> candidates() {
        List<URI> out = new ArrayList<>();
        out.add(URI.create(issuer + "/.well-known/oauth-authorization-server"));
        URI base = URI.create(issuer);
        String path = base.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            out.add(base.resolve("/.well-known/oauth-authorization-server" + path));
        }
        out.add(URI.create(issuer + "/.well-known/openid-configuration"));
        return out;
    }

    private CompletableFuture<URI> discover(List<URI> candidates, int i, List<String> tried) {
        if (i >= candidates.size()) {
            return CompletableFuture.failedFuture(new Unavailable("no authorization server metadata with a jwks_uri for issuer "
                    + issuer + " (tried " + String.join(", ", tried) + ")"));
        }
        URI uri = candidates.get(i);
        return get(uri).handle((body, failure) -> {
            if (failure != null) return null;
            try {
                JsonNode doc = JSON.readTree(body);
                JsonNode jwks = doc.path("jwks_uri");
                return jwks.isTextual() ? URI.create(jwks.asText()) : null;
            } catch (java.io.IOException | IllegalArgumentException e) {
                return null;
            }
        }).thenCompose(found -> {
            if (found != null) {
                jwksUri = found;
                return CompletableFuture.completedFuture(found);
            }
            tried.add(uri.toString());
            return discover(candidates, i + 1, tried);
        });
    }

    private CompletableFuture<String> get(URI uri) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new Unavailable("bad URI " + uri));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((r, failure) -> {
            if (failure != null) {
                Throwable c = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                throw new Unavailable(uri + " unreachable (" + c.getClass().getSimpleName() + ")");
            }
            if (r.statusCode() != 200) throw new Unavailable(uri + " answered " + r.statusCode());
            if (r.body().length > MAX_DOCUMENT_BYTES) throw new Unavailable(uri + " answered more than " + MAX_DOCUMENT_BYTES + " bytes");
            return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        });
    }
}
