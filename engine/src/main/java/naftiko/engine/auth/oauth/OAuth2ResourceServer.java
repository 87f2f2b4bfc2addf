package naftiko.engine.auth.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import naftiko.engine.auth.InboundAuth.Verdict;
import naftiko.engine.spec.model.Authentication;

/**
 * {@code authentication: type: oauth2} on an exposure (SPEC.md §13.2): an OAuth 2.1 resource
 * server accepting signed JWT access tokens. The signature is checked against the authorization
 * server's JWK set (or a key set given through {@link #withKeys}); then {@code iss} (the
 * {@code authorizationServerUri}, trailing slash ignored), {@code aud} ({@code audience}, else
 * {@code resource}), {@code exp} (required), {@code nbf} with {@link #CLOCK_SKEW} of tolerance,
 * and every configured scope. Failures are 401 with a Bearer challenge pointing at the
 * protected-resource metadata; a missing scope is 403 {@code insufficient_scope}.
 */
public final class OAuth2ResourceServer {

    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Asymmetric algorithms only: no shared secret is ever configured, and never {@code none}. */
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);
    private static final System.Logger LOG = System.getLogger("naftiko.auth");
    private static final DefaultJWSVerifierFactory VERIFIERS = new DefaultJWSVerifierFactory();

    private final String issuer;
    private final String audience;
    private final List<String> scopes;
    private final String realm;
    private final ProtectedResourceMetadata metadata;
    private final JwksCache jwks;
    private final JWKSet configuredKeys;
    private final Clock clock;

    private OAuth2ResourceServer(Config c, JwksCache jwks, JWKSet configuredKeys, Clock clock) {
        this.issuer = trimSlash(c.issuer);
        this.audience = trimSlash(c.audience);
        this.scopes = c.scopes;
        this.realm = c.realm;
        this.metadata = ProtectedResourceMetadata.of(c.resource, c.issuer, c.scopes);
        this.jwks = jwks;
        this.configuredKeys = configuredKeys;
        this.clock = clock;
    }

    /**
     * Keys from the authorization server (discovered from its metadata, cached).
     *
     * @throws IllegalArgumentException for {@code tokenValidation: introspection} or a missing or
     *                                  non-absolute {@code authorizationServerUri} / {@code resource}
     */
    public static OAuth2ResourceServer of(Authentication auth, UnaryOperator<String> render, String realm) {
        Config c = Config.of(auth, render, realm);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new OAuth2ResourceServer(c, new JwksCache(c.issuer, http, Clock.systemUTC()), null, Clock.systemUTC());
    }

    /** A configured key set instead of discovery (embedding and tests; alpha2 has no field for it). */
    public static OAuth2ResourceServer withKeys(Authentication auth, UnaryOperator<String> render, String realm,
                                                JWKSet keys, Clock clock) {
        return new OAuth2ResourceServer(Config.of(auth, render, realm), null, keys.toPublicJWKSet(), clock);
    }

    public ProtectedResourceMetadata metadata() {
        return metadata;
    }

    /** Verifies the {@code Authorization} header value; completes without I/O when the keys are cached. */
    public CompletableFuture<Verdict> verify(String authorization) {
        String token = bearer(authorization);
        if (token == null) return CompletableFuture.completedFuture(reject(null, "missing bearer token"));
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return CompletableFuture.completedFuture(reject("invalid_token", "the access token is not a signed JWT"));
        }
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            return CompletableFuture.completedFuture(reject("invalid_token",
                    "signing algorithm " + header.getAlgorithm() + " is not accepted"));
        }
        if (configuredKeys != null) return CompletableFuture.completedFuture(check(jwt, select(configuredKeys, header)));
        return jwks.keys().thenCompose(set -> {
            List<JWK> keys = select(set, header);
            if (!keys.isEmpty()) return CompletableFuture.completedFuture(check(jwt, keys));
            return jwks.refreshForUnknownKey().thenApply(fresh -> check(jwt, select(fresh, header)));
        }).exceptionally(failure -> {
            Throwable c = failure.getCause() != null ? failure.getCause() : failure;
            LOG.log(System.Logger.Level.WARNING, "oauth2 (" + realm + "): cannot get the signing keys: "
                    + (c instanceof JwksCache.Unavailable ? c.getMessage() : c.getClass().getSimpleName()));
            return new Verdict(false, null, "the authorization server's signing keys are unavailable; retry later", 503);
        });
    }

    private Verdict check(SignedJWT jwt, List<JWK> keys) {
        if (keys.isEmpty()) return reject("invalid_token", "the token is signed with an unknown key");
        if (!verified(jwt, keys)) return reject("invalid_token", "the token signature is invalid");
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return reject("invalid_token", "the token claims are not valid JSON");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) return reject("invalid_token", "the token has no expiry (exp)");
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) return reject("invalid_token", "the token has expired");
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            return reject("invalid_token", "the token is not valid yet (nbf)");
        }
        if (claims.getIssuer() == null || !trimSlash(claims.getIssuer()).equals(issuer)) {
            return reject("invalid_token", "the token was not issued by the expected authorization server");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.stream().map(OAuth2ResourceServer::trimSlash).noneMatch(audience::equals)) {
            return reject("invalid_token", "the token is not meant for this resource (aud)");
        }
        Set<String> granted = granted(claims);
        List<String> missing = scopes.stream().filter(s -> !granted.contains(s)).toList();
        if (!missing.isEmpty()) {
            return new Verdict(false, challenge("insufficient_scope", "the token lacks scope " + String.join(" ", missing)),
                    "the token lacks the required scope " + String.join(" ", missing), 403);
        }
        return new Verdict(true, null, null, 200);
    }

    private static boolean verified(SignedJWT jwt, List<JWK> keys) {
        try {
            for (Key key : KeyConverter.toJavaKeys(keys)) {
                JWSVerifier verifier;
                try {
                    verifier = VERIFIERS.createJWSVerifier(jwt.getHeader(), key);
                } catch (JOSEException e) {
                    continue; // key type does not fit the algorithm
                }
                if (jwt.verify(verifier)) return true;
            }
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
        return false;
    }

    private static List<JWK> select(JWKSet set, JWSHeader header) {
        JWKMatcher matcher = JWKMatcher.forJWSHeader(header);
        return matcher == null ? List.of() : new JWKSelector(matcher).select(set);
    }

    private static Set<String> granted(JWTClaimsSet claims) {
        Set<String> out = new LinkedHashSet<>();
        Object scope = claims.getClaim("scope");
        if (scope instanceof String s) out.addAll(List.of(s.trim().split("\\s+")));
        Object scp = claims.getClaim("scp");
        if (scp instanceof List<?> list) list.forEach(x -> out.add(String.valueOf(x)));
        else if (scp instanceof String s) out.addAll(List.of(s.trim().split("\\s+")));
        return out;
    }

    private Verdict reject(String error, String reason) {
        return new Verdict(false, challenge(error, reason), reason, 401);
    }

    private String challenge(String error, String description) {
        StringBuilder b = new StringBuilder("Bearer realm=\"").append(realm).append('"');
        if (error != null) {
            b.append(", error=\"").append(error).append("\", error_description=\"").append(description).append('"');
        }
        if (!scopes.isEmpty()) b.append(", scope=\"").append(String.join(" ", scopes)).append('"');
        b.append(", resource_metadata=\"").append(metadata.url()).append('"');
        return b.toString();
    }

    private static String bearer(String value) {
        if (value == null) return null;
        String v = value.trim();
        if (v.length() <= 7 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = v.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static String trimSlash(String s) {
        return s != null && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** The exposure's oauth2 settings, rendered and checked once. */
    private record Config(String issuer, String resource, String audience, List<String> scopes, String realm) {
        static Config of(Authentication auth, UnaryOperator<String> render, String realm) {
            String validation = auth.tokenValidation() == null ? "jwks" : auth.tokenValidation().toLowerCase(Locale.ROOT);
            if (validation.equals("introspection")) {
                throw new IllegalArgumentException("oauth2 'tokenValidation: introspection' is not supported by this runtime;"
                        + " use 'tokenValidation: jwks' (the default) with an authorization server that issues JWT access tokens");
            }
            if (!validation.equals("jwks")) {
                throw new IllegalArgumentException("oauth2 'tokenValidation: " + auth.tokenValidation()
                        + "' is unknown; use 'jwks'");
            }
            String issuer = absolute(render.apply(auth.authorizationServerUri()), "authorizationServerUri");
            String resource = absolute(render.apply(auth.resource()), "resource");
            String audience = auth.audience() == null ? resource : render.apply(auth.audience());
            List<String> scopes = new ArrayList<>();
            if (auth.scopes() != null) auth.scopes().forEach(s -> scopes.add(render.apply(s)));
            return new Config(issuer, resource, audience, List.copyOf(scopes), realm);
        }

        private static String absolute(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("oauth2 needs '" + field + "' (an absolute https URL)");
            }
            try {
                URI uri = URI.create(value);
                if (uri.getScheme() == null || uri.getHost() == null) throw new IllegalArgumentException();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("oauth2 '" + field + "' must be an absolute URL, got '" + value + "'");
            }
            return value;
        }
    }
}
