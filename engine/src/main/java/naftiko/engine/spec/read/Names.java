package naftiko.engine.spec.read;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import naftiko.engine.spec.Rules;

/** Identifier patterns of §1 and HTTP methods; deviations are tolerated with a warning. */
final class Names {
    static final Pattern KEBAB = Pattern.compile("[a-zA-Z0-9-]+");
    static final Pattern EXTENDED = Pattern.compile("[a-zA-Z0-9_*-]+");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** Methods real files use beyond the alpha2 enum; plain HTTP, so tolerated. */
    static final List<String> EXTENSION_METHODS = List.of("HEAD", "OPTIONS");

    private Names() {}

    /** Reads a required kebab identifier; other non-empty names are kept with a warning. */
    static String kebab(YamlMap m, String key, boolean required) {
        String v = required ? m.requiredString(key) : m.string(key);
        if (v != null && !KEBAB.matcher(v).matches()) {
            if (v.isEmpty()) {
                m.report().error(Rules.INVALID_VALUE, "'" + key + "' in " + m.what() + " is empty", null, m.pos(key));
            } else {
                m.report().leniency(Rules.NAME_PATTERN, "'" + key + "' '" + v + "' in " + m.what() + " is not kebab-case ([a-zA-Z0-9-]+)",
                        "kept as written", m.pos(key));
            }
        }
        return v;
    }

    /** HTTP method, upper-cased; {@code dflt} when absent. */
    static String method(YamlMap m, String dflt) {
        String v = m.string("method");
        if (v == null) {
            if (dflt == null) m.missing("method");
            return dflt;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        if (EXTENSION_METHODS.contains(upper)) {
            m.report().leniency(Rules.METHOD_EXTENSION, "'method' " + upper + " in " + m.what() + " is not in the alpha2 method list ("
                    + String.join(", ", METHODS) + ")", "kept: it is plain HTTP", m.pos("method"));
            return upper;
        }
        if (!METHODS.contains(upper)) {
            m.report().error(Rules.INVALID_VALUE, "'method' in " + m.what() + " is '" + v + "'; expected one of " + String.join(", ", METHODS),
                    naftiko.engine.spec.Suggest.didYouMean(upper, METHODS), m.pos("method"));
            return null;
        }
        if (!upper.equals(v)) {
            m.report().leniency(Rules.METHOD_CASE, "'method' in " + m.what() + " is '" + v + "'", "read as '" + upper + "'", m.pos("method"));
        }
        return upper;
    }
}
