package naftiko.engine.spec.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical forms the runtime relies on (DESIGN.md "leniency in one place"). Pure functions;
 * the readers call them and report the matching leniency warning where the file deviated.
 */
public final class Normalise {
    /** X in {@code prefix.X}: a parameter identifier (IdentifierExtended). */
    public static final Pattern PARAM_ID = Pattern.compile("[A-Za-z0-9_*-]+");
    private static final Pattern SINGLE_BRACE = Pattern.compile("(?<!\\{)\\{([A-Za-z0-9_.~-]+)\\}(?!\\})");
    private static final Pattern DOUBLE_BRACE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.~-]+)\\s*\\}\\}");

    private Normalise() {}

    /** {@code $.} (exactly) becomes {@code $}; both mean the whole document. */
    public static String jsonPath(String p) {
        return "$.".equals(p) ? "$" : p;
    }

    /** Consumed path with every {@code {x}} as {@code {{x}}}; the rest byte for byte. */
    public static String consumedPath(String path) {
        return SINGLE_BRACE.matcher(path).replaceAll("{{$1}}");
    }

    public static boolean hasSingleBrace(String path) {
        return SINGLE_BRACE.matcher(path).find();
    }

    /** Exposed REST path with every {@code {{x}}} as the route form {@code {x}}. */
    public static String exposedPath(String path) {
        Matcher m = DOUBLE_BRACE.matcher(path);
        return m.replaceAll("{$1}");
    }

    /**
     * The canonical {@code ns.X} for a {@code with} value written with an alias prefix, or null when
     * the value is not such an alias (then it stays as written).
     */
    public static String withReference(String value, String prefix, String namespace) {
        if (namespace == null || !value.startsWith(prefix)) return null;
        String rest = value.substring(prefix.length());
        return PARAM_ID.matcher(rest).matches() ? namespace + "." + rest : null;
    }
}
