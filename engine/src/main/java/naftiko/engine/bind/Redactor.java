package naftiko.engine.bind;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hides secrets as {@code ***}: every occurrence of a resolved bind value (longest first), and the
 * credential part of authorization-like headers even when it came from a literal in the file.
 */
public final class Redactor {
    public static final String MASK = "***";
    private static final Set<String> CREDENTIAL_HEADERS = Set.of(
            "authorization", "proxy-authorization", "cookie", "x-api-key", "api-key", "apikey", "x-auth-token");

    private final List<String> secrets;

    public Redactor(Set<String> secrets) {
        this.secrets = secrets.stream().filter(s -> !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String redact(String text) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) {
            // Very short values would mask ordinary text everywhere; mask them only as a whole.
            if (s.length() < 4) {
                if (out.equals(s)) out = MASK;
            } else {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** Redacts a header value; for credential headers keeps only the scheme word. */
    public String redactHeader(String name, String value, Set<String> extraCredentialHeaders) {
        String n = name.toLowerCase(Locale.ROOT);
        if (CREDENTIAL_HEADERS.contains(n) || extraCredentialHeaders.contains(n)) {
            // dry-run placeholders of unset variables are not secrets: showing them says what to set
            if (value.matches("(\\S+ )?<unset:[A-Za-z0-9_.-]+>")) return value;
            if (n.endsWith("authorization")) {
                int sp = value.indexOf(' ');
                return sp > 0 ? value.substring(0, sp) + " " + MASK : MASK;
            }
            return MASK;
        }
        return redact(value);
    }
}
