package naftiko.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import naftiko.engine.spec.model.McpPrompt;

/**
 * An MCP prompt (SPEC.md §14.4, §10.6): {@code {{arg}}} placeholders ({@code [a-zA-Z0-9_]+})
 * replaced by the argument text literally, never re-interpreted; unknown placeholders stay as written.
 */
final class PromptTemplate implements McpPromptUnit {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z0-9_]+)}}");

    private final McpPrompt decl;
    private final List<McpPrompt.Message> messages;

    PromptTemplate(McpPrompt decl, List<McpPrompt.Message> messages) {
        this.decl = decl;
        this.messages = List.copyOf(messages);
    }

    @Override public String name() { return decl.name(); }
    @Override public String title() { return decl.label(); }
    @Override public String description() { return decl.description(); }
    @Override public List<McpPrompt.Argument> arguments() { return decl.arguments() == null ? List.of() : decl.arguments(); }

    @Override
    public List<McpPrompt.Message> render(Map<String, String> arguments) {
        Map<String, String> args = arguments == null ? Map.of() : arguments;
        List<String> missing = new ArrayList<>();
        for (McpPrompt.Argument a : arguments()) {
            if (a.required() && args.get(a.name()) == null) missing.add(a.name());
        }
        if (!missing.isEmpty()) {
            throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "missing required argument" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing), missing);
        }
        List<McpPrompt.Message> out = new ArrayList<>();
        for (McpPrompt.Message m : messages) out.add(new McpPrompt.Message(m.role(), substitute(m.content(), args)));
        return out;
    }

    /** One pass over the original text, so a value containing {{x}} is never expanded again. */
    static String substitute(String text, Map<String, String> args) {
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = args.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
