package naftiko.rest.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exposed resource path compiled once: {@code /v1/projects/{project-id}/runs} or
 * {@code {{x}}} placeholders. A whole-segment placeholder matches one non-empty segment; a
 * trailing placeholder literally named {@code path} matches the rest of the path, slashes included.
 */
public final class PathTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}|\\{([^{}]+)}");
    /** The variable name that swallows the remainder of the path (SPEC.md §7.2). */
    public static final String REST_VARIABLE = "path";

    private final String text;
    private final List<Segment> segments;

    private PathTemplate(String text, List<Segment> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Compiles {@code template}; placeholders are reported in the canonical {@code {x}} form. */
    public static PathTemplate compile(String template) {
        String t = template == null || template.isEmpty() ? "/" : template;
        if (!t.startsWith("/")) t = "/" + t;
        if (t.length() > 1 && t.endsWith("/")) t = t.substring(0, t.length() - 1);
        List<Segment> segments = new ArrayList<>();
        StringBuilder canonical = new StringBuilder();
        String[] raw = t.substring(1).split("/", -1);
        for (int i = 0; i < raw.length; i++) {
            if (t.equals("/")) break;
            Segment s = Segment.of(raw[i], i == raw.length - 1);
            segments.add(s);
            canonical.append('/').append(s.display());
        }
        return new PathTemplate(canonical.length() == 0 ? "/" : canonical.toString(), List.copyOf(segments));
    }

    /** The template as displayed and grouped: {@code {x}} placeholders, no trailing slash. */
    public String text() {
        return text;
    }

    List<Segment> segments() {
        return segments;
    }

    /**
     * Matches request segments (decoded) against this template; fills {@code variables}. {@code raw}
     * holds the same segments percent-encoded, used for the rest-of-path remainder.
     *
     * @return the raw remainder matched by a {@code {path}} variable, "" when none, or null when no match
     */
    String match(String[] decoded, String[] raw, Map<String, String> variables) {
        int n = segments.size();
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (s.kind == Kind.REST) {
                variables.put(s.name, String.join("/", Arrays.asList(decoded).subList(i, decoded.length)));
                return String.join("/", Arrays.asList(raw).subList(i, raw.length));
            }
            if (i >= decoded.length) return null;
            if (!s.matches(decoded[i], variables)) return null;
        }
        return n == decoded.length ? "" : null;
    }

    /** Ordering of specificity at one position: literal, then mixed, then placeholder, then rest. */
    enum Kind { LITERAL, MIXED, VARIABLE, REST }

    static final class Segment {
        final Kind kind;
        final String literal;
        final String name;
        final Pattern pattern;
        final List<String> names;
        private final String display;

        private Segment(Kind kind, String literal, String name, Pattern pattern, List<String> names, String display) {
            this.display = display;
            this.kind = kind;
            this.literal = literal;
            this.name = name;
            this.pattern = pattern;
            this.names = names;
        }

        static Segment of(String raw, boolean last) {
            Matcher m = PLACEHOLDER.matcher(raw);
            List<String> names = new ArrayList<>();
            StringBuilder regex = new StringBuilder();
            int at = 0;
            while (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2).trim();
                names.add(name);
                regex.append(Pattern.quote(raw.substring(at, m.start()))).append("(.+?)");
                at = m.end();
            }
            if (names.isEmpty()) return new Segment(Kind.LITERAL, raw, null, null, List.of(), raw);
            regex.append(Pattern.quote(raw.substring(at)));
            String display = m.reset().replaceAll(r -> Matcher.quoteReplacement(
                    "{" + (r.group(1) != null ? r.group(1) : r.group(2).trim()) + "}"));
            boolean whole = names.size() == 1 && m.reset().find() && m.start() == 0 && m.end() == raw.length();
            if (whole && last && REST_VARIABLE.equals(names.get(0))) {
                return new Segment(Kind.REST, null, names.get(0), null, List.of(), display);
            }
            if (whole) return new Segment(Kind.VARIABLE, null, names.get(0), null, List.of(), display);
            return new Segment(Kind.MIXED, null, null, Pattern.compile(regex.toString()), List.copyOf(names), display);
        }

        boolean matches(String value, Map<String, String> variables) {
            switch (kind) {
                case LITERAL:
                    return literal.equals(value);
                case VARIABLE:
                    if (value.isEmpty()) return false;
                    variables.put(name, value);
                    return true;
                case MIXED: {
                    Matcher m = pattern.matcher(value);
                    if (!m.matches()) return false;
                    for (int g = 0; g < names.size(); g++) variables.put(names.get(g), m.group(g + 1));
                    return true;
                }
                default:
                    return false;
            }
        }

        /** Whether a decoded segment matches, without capturing anything (for the index). */
        boolean matchesText(String value) {
            return switch (kind) {
                case LITERAL -> literal.equals(value);
                case VARIABLE -> !value.isEmpty();
                case MIXED -> pattern.matcher(value).matches();
                case REST -> true;
            };
        }

        String display() {
            return display;
        }
    }
}
