package naftiko.engine.expr;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A namespace-qualified reference to an input of the running unit (SPEC.md §10.2, REAL-WORLD
 * item 7): {@code <prefix>.X} where the prefix is one the unit recognises (its adapter namespace;
 * the loader canonicalises {@code rest.}, {@code tools.}, {@code mcp.}, {@code $this.ns.} to it, and
 * they are accepted here too). Anything else is not a reference.
 */
public final class InputReference {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]+");

    private InputReference() {}

    /** The referenced input name, or null when {@code value} is not a reference for these prefixes. */
    public static String parse(String value, List<String> prefixes) {
        if (value == null) return null;
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isEmpty()) continue;
            if (value.length() > prefix.length() + 1 && value.startsWith(prefix)
                    && value.charAt(prefix.length()) == '.') {
                String x = value.substring(prefix.length() + 1);
                if (IDENTIFIER.matcher(x).matches()) return x;
            }
        }
        return null;
    }

    /** The prefixes a unit of adapter {@code kind} ({@code rest}, {@code mcp}, {@code aggregate}) in {@code namespace} accepts. */
    public static List<String> prefixes(String kind, String namespace) {
        return switch (kind) {
            case "rest" -> List.of(namespace, "rest", "$this." + namespace);
            case "mcp" -> List.of(namespace, "tools", "mcp", "$this." + namespace);
            default -> List.of(namespace, "$this." + namespace);
        };
    }
}
