package naftiko.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import naftiko.engine.auth.oauth.OAuth2ResourceServer;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.engine.spec.model.Authentication;

/**
 * Inbound authentication of an exposure (SPEC.md §13.2): bearer, apikey (header or query) and
 * basic. Expected secrets are rendered once at plan time from the bind scope; credentials are
 * compared in constant time. {@code oauth2} is delegated to {@link OAuth2ResourceServer} (JWT
 * access tokens); it may need to fetch the authorization server's keys, so adapters call
 * {@link #checkAsync} and serve {@link #protectedResourceMetadata()} without authentication.
 * Inbound {@code digest} is refused at plan time (server nonces and MD5 for no gain over basic
 * on TLS, bearer or oauth2). Adapters call {@link #check} before routing and strip
 * {@link #credentialHeaders()} / {@link #credentialQueryParameters()} so the inbound credential is
 * never forwarded upstream.
 */
public final class InboundAuth {

    /**
     * The verdict: accepted, or refused with the HTTP {@code status} (401; 403 for oauth2
     * {@code insufficient_scope}; 503 when the oauth2 signing keys cannot be fetched) and the
     * challenge to send in {@code WWW-Authenticate} (null when there is none to send).
     */
    public record Verdict(boolean accepted, String challenge, String reason, int status) {
        static final Verdict OK = new Verdict(true, null, null);

        public Verdict(boolean accepted, String challenge, String reason) {
            this(accepted, challenge, reason, accepted ? 200 : 401);
        }
    }

    private final String type;
    private final byte[] expected;
    private final String keyName;
    private final boolean inQuery;
    private final String realm;
    private final OAuth2ResourceServer oauth;

    private InboundAuth(String type, byte[] expected, String keyName, boolean inQuery, String realm) {
        this(type, expected, keyName, inQuery, realm, null);
    }

    private InboundAuth(String type, byte[] expected, String keyName, boolean inQuery, String realm,
                        OAuth2ResourceServer oauth) {
        this.type = type;
        this.expected = expected;
        this.keyName = keyName;
        this.inQuery = inQuery;
        this.realm = realm;
        this.oauth = oauth;
    }

    /** oauth2 with a resource server built elsewhere (e.g. {@link OAuth2ResourceServer#withKeys}). */
    public static InboundAuth oauth2(OAuth2ResourceServer server, String realm) {
        return new InboundAuth("oauth2", new byte[0], null, false, realm, server);
    }

    /**
     * Builds the checker for {@code auth}. {@code render} turns a template such as
     * {@code {{MCP_SERVER_TOKEN}}} into its bound value.
     *
     * @throws IllegalArgumentException for a type this runtime does not verify inbound (the
     *                                  planner turns it into an actionable message)
     */
    public static InboundAuth of(Authentication auth, UnaryOperator<String> render, String realm) {
        String type = auth.type() == null ? "" : auth.type().toLowerCase(Locale.ROOT);
        switch (type) {
            case "bearer":
                return new InboundAuth(type, bytes(render.apply(auth.token())), null, false, realm);
            case "apikey": {
                String key = auth.key() == null ? "X-API-Key" : render.apply(auth.key());
                boolean query = "query".equalsIgnoreCase(auth.placement());
                return new InboundAuth(type, bytes(render.apply(auth.value())), key, query, realm);
            }
            case "basic": {
                String user = nullToEmpty(render.apply(auth.username()));
                String pass = nullToEmpty(render.apply(auth.password()));
                return new InboundAuth(type, bytes(user + ":" + pass), null, false, realm);
            }
            case "oauth2":
                return oauth2(OAuth2ResourceServer.of(auth, render, realm), realm);
            case "digest":
                throw new IllegalArgumentException("inbound 'digest' authentication is not supported (it needs"
                        + " server-side nonces and MD5); use basic over TLS, bearer, apikey or oauth2");
            default:
                throw new IllegalArgumentException("inbound authentication type '" + auth.type()
                        + "' is not supported here; use bearer, apikey, basic or oauth2");
        }
    }

    public String type() {
        return type;
    }

    /**
     * The verdict, possibly after fetching oauth2 keys; already complete for every other type and
     * for oauth2 when the keys are cached. Never completes exceptionally.
     */
    public CompletableFuture<Verdict> checkAsync(Function<String, String> header, Function<String, String> query) {
        if (oauth != null) return oauth.verify(header.apply("authorization"));
        return CompletableFuture.completedFuture(check(header, query));
    }

    /** The RFC 9728 document to serve without authentication, or null when the type is not oauth2. */
    public ProtectedResourceMetadata protectedResourceMetadata() {
        return oauth == null ? null : oauth.metadata();
    }

    /**
     * @param header lower-case header name → first value, or null
     * @param query  query parameter name → first value, or null
     * @implNote for oauth2 this waits for {@link #checkAsync}; adapters use that one instead
     */
    public Verdict check(Function<String, String> header, Function<String, String> query) {
        if (oauth != null) return checkAsync(header, query).join();
        String presented;
        switch (type) {
            case "bearer" -> presented = scheme(header.apply("authorization"), "bearer");
            case "basic" -> {
                String b64 = scheme(header.apply("authorization"), "basic");
                presented = b64 == null ? null : decodeBasic(b64);
            }
            default -> presented = inQuery ? query.apply(keyName) : header.apply(keyName.toLowerCase(Locale.ROOT));
        }
        if (presented == null) return reject("missing credentials");
        // An empty expected secret never authenticates anyone.
        if (expected.length == 0 || !MessageDigest.isEqual(expected, bytes(presented))) {
            return reject("invalid credentials");
        }
        return Verdict.OK;
    }

    /** Lower-case header names that carry the inbound credential. */
    public Set<String> credentialHeaders() {
        return switch (type) {
            case "bearer", "basic", "oauth2" -> Set.of("authorization");
            default -> inQuery ? Set.of() : Set.of(keyName.toLowerCase(Locale.ROOT));
        };
    }

    /** Query parameter names that carry the inbound credential. */
    public Set<String> credentialQueryParameters() {
        return "apikey".equals(type) && inQuery ? Set.of(keyName) : Set.of();
    }

    private Verdict reject(String reason) {
        String challenge = switch (type) {
            case "bearer" -> "Bearer realm=\"" + realm + "\"";
            case "basic" -> "Basic realm=\"" + realm + "\", charset=\"UTF-8\"";
            default -> "ApiKey realm=\"" + realm + "\", " + (inQuery ? "query" : "header") + "=\"" + keyName + "\"";
        };
        return new Verdict(false, challenge, reason);
    }

    private static String scheme(String value, String scheme) {
        if (value == null) return null;
        String v = value.trim();
        if (v.length() <= scheme.length() || !v.regionMatches(true, 0, scheme, 0, scheme.length())
                || v.charAt(scheme.length()) != ' ') {
            return null;
        }
        return v.substring(scheme.length() + 1).trim();
    }

    private static String decodeBasic(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
