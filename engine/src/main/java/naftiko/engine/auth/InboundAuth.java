package naftiko.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import naftiko.engine.spec.model.Authentication;

/**
 * Inbound authentication of an exposure (SPEC.md §13.2): bearer, apikey (header or query) and
 * basic. Expected secrets are rendered once at plan time from the bind scope; credentials are
 * compared in constant time. Adapters call {@link #check} before routing and strip
 * {@link #credentialHeaders()} / {@link #credentialQueryParameters()} so the inbound credential is
 * never forwarded upstream.
 */
public final class InboundAuth {

    /** The verdict: accepted, or a 401 with the challenge to send in {@code WWW-Authenticate}. */
    public record Verdict(boolean accepted, String challenge, String reason) {
        static final Verdict OK = new Verdict(true, null, null);
    }

    private final String type;
    private final byte[] expected;
    private final String keyName;
    private final boolean inQuery;
    private final String realm;

    private InboundAuth(String type, byte[] expected, String keyName, boolean inQuery, String realm) {
        this.type = type;
        this.expected = expected;
        this.keyName = keyName;
        this.inQuery = inQuery;
        this.realm = realm;
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
            default:
                throw new IllegalArgumentException("inbound authentication type '" + auth.type()
                        + "' is not supported here; use bearer, apikey or basic");
        }
    }

    public String type() {
        return type;
    }

    /**
     * @param header lower-case header name → first value, or null
     * @param query  query parameter name → first value, or null
     */
    public Verdict check(Function<String, String> header, Function<String, String> query) {
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
            case "bearer", "basic" -> Set.of("authorization");
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
