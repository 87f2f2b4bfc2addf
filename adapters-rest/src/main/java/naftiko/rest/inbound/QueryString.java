package naftiko.rest.inbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import naftiko.rest.route.PercentDecoding;

/** A query string parsed once: decoded parameters in arrival order, and the raw text. */
public final class QueryString {

    private final String raw;
    private final Map<String, List<String>> params;

    private QueryString(String raw, Map<String, List<String>> params) {
        this.raw = raw;
        this.params = params;
    }

    /** @param raw the query as received, without {@code ?}; null or empty for none */
    public static QueryString parse(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        params.replaceAll((k, v) -> List.copyOf(v));
        return new QueryString(raw == null || raw.isEmpty() ? null : raw, Collections.unmodifiableMap(params));
    }

    public String raw() {
        return raw;
    }

    public Map<String, List<String>> params() {
        return params;
    }

    public String first(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The same query without the named parameters (inbound credentials), raw text rebuilt likewise. */
    public QueryString without(Set<String> names) {
        if (names.isEmpty() || raw == null || names.stream().noneMatch(params::containsKey)) return this;
        StringBuilder kept = new StringBuilder();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            if (names.contains(decode(eq < 0 ? pair : pair.substring(0, eq)))) continue;
            if (kept.length() > 0) kept.append('&');
            kept.append(pair);
        }
        return parse(kept.toString());
    }

    private static String decode(String s) {
        try {
            return PercentDecoding.decodeQueryComponent(s);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape is kept as written rather than rejected
        }
    }
}
