package naftiko.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled {@code {{name}}} template (SPEC.md §10.1): literal text and variables, parsed once.
 * {@code {{ name }}} and {@code {{{name}}}} are the same variable. Rendering a variable that has no
 * value throws {@link MissingVariableException}: a missing value never silently becomes "".
 */
public final class Template {

    /** One piece of a template: literal text, or a variable name. */
    public record Part(String literal, String variable) {
        public boolean isVariable() {
            return variable != null;
        }
    }

    /** {@code {{{x}}}} only as a whole, so {@code {"a": {{x}}}} keeps its closing brace. */
    private static final Pattern MUSTACHE = Pattern.compile("\\{\\{\\{\\s*([^{}\\s]+)\\s*}}}|\\{\\{\\s*([^{}\\s]+)\\s*}}");
    /** Consumed paths also accept OpenAPI-style single braces (REAL-WORLD item 12). */
    private static final Pattern PATH = Pattern.compile("\\{\\{\\{\\s*([^{}\\s]+)\\s*}}}|\\{\\{\\s*([^{}\\s]+)\\s*}}|\\{([A-Za-z0-9_.-]+)}");

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    public static Template compile(String text) {
        return parse(text, MUSTACHE);
    }

    /** For consumed and exposed paths: {@code {x}} as well as {@code {{x}}}. */
    public static Template compilePath(String text) {
        return parse(text, PATH);
    }

    private static Template parse(String text, Pattern p) {
        List<Part> parts = new ArrayList<>();
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(new Part(text.substring(last, m.start()), null));
            String name = null;
            for (int g = 1; g <= m.groupCount() && name == null; g++) name = m.group(g);
            parts.add(new Part(null, name));
            last = m.end();
        }
        if (last < text.length()) parts.add(new Part(text.substring(last), null));
        return new Template(text, parts);
    }

    public String source() {
        return source;
    }

    public List<Part> parts() {
        return parts;
    }

    public boolean isConstant() {
        return parts.stream().noneMatch(Part::isVariable);
    }

    public List<String> variables() {
        return parts.stream().filter(Part::isVariable).map(Part::variable).toList();
    }

    /** The variable name when the whole template is exactly one variable, else null. */
    public String soleVariable() {
        return parts.size() == 1 && parts.get(0).isVariable() ? parts.get(0).variable() : null;
    }

    /** Renders with values as text ({@link ValueText}). */
    public String render(Scope scope) {
        return render(scope, (name, node) -> ValueText.of(node));
    }

    /**
     * Renders, turning each value into text with {@code encode} (e.g. percent-encoding for a path
     * segment). A value that is absent, JSON null, or encodes to null is a missing variable.
     */
    public String render(Scope scope, BiFunction<String, JsonNode, String> encode) {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (!p.isVariable()) {
                sb.append(p.literal());
                continue;
            }
            JsonNode v = scope.lookup(p.variable());
            String text = v == null || v.isNull() ? null : encode.apply(p.variable(), v);
            if (text == null) throw new MissingVariableException(p.variable());
            sb.append(text);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
