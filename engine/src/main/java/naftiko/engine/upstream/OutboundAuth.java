package naftiko.engine.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.Template;
import naftiko.engine.spec.model.Authentication;

/**
 * Outbound credentials of a consumes namespace (SPEC.md §13.1), templates compiled once and
 * rendered per call against the call scope (inputs, then bind variables): bearer, basic, apikey in
 * a header or the query, and digest (answered by {@link UpstreamClient} on the 401 challenge).
 * oauth2 is inbound-only in alpha2 and adds nothing outbound.
 */
public final class OutboundAuth {
    /** Digest credentials, rendered for one call. */
    public record DigestCredentials(String username, String password) {}

    private final String type;
    private final Template a;
    private final Template b;
    private final boolean inQuery;

    private OutboundAuth(String type, Template a, Template b, boolean inQuery) {
        this.type = type;
        this.a = a;
        this.b = b;
        this.inQuery = inQuery;
    }

    public static OutboundAuth compile(Authentication auth) {
        if (auth == null || auth.type() == null) return new OutboundAuth("none", null, null, false);
        String type = auth.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "bearer" -> new OutboundAuth(type, t(auth.token()), null, false);
            case "basic", "digest" -> new OutboundAuth(type, t(auth.username()), t(auth.password()), false);
            case "apikey" -> new OutboundAuth(type, t(auth.key() == null ? "X-API-Key" : auth.key()), t(auth.value()),
                    "query".equalsIgnoreCase(auth.placement()));
            default -> new OutboundAuth("none", null, null, false);
        };
    }

    private static Template t(String s) {
        return Template.compile(s == null ? "" : s);
    }

    /** Header names that carry the credential (for redaction). */
    public List<String> credentialHeaders(Scope scope) {
        if (type.equals("apikey") && !inQuery) return List.of(a.render(scope).toLowerCase(Locale.ROOT));
        return List.of();
    }

    /** Adds the credential to the headers or query being built. */
    public void apply(Scope scope, Map<String, List<String>> headers, List<String[]> query) {
        switch (type) {
            case "bearer" -> put(headers, "Authorization", "Bearer " + a.render(scope));
            case "basic" -> put(headers, "Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (a.render(scope) + ":" + b.render(scope)).getBytes(StandardCharsets.UTF_8)));
            case "apikey" -> {
                if (inQuery) query.add(new String[] {a.render(scope), b.render(scope)});
                else put(headers, a.render(scope), b.render(scope));
            }
            default -> { }
        }
    }

    /** Digest credentials for this call, or null when the namespace does not use digest. */
    public DigestCredentials digest(Scope scope) {
        return type.equals("digest") ? new DigestCredentials(a.render(scope), b.render(scope)) : null;
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        headers.put(name, new java.util.ArrayList<>(List.of(value)));
    }
}
