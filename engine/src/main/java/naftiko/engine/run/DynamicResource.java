package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import naftiko.engine.spec.model.McpResource;

/**
 * A dynamic MCP resource backed by a call or steps (SPEC.md §14.3). A URI with {@code {var}}
 * placeholders is a template: each variable matches one {@code /}-free segment and becomes an input.
 */
final class DynamicResource implements McpResourceUnit {
    private static final Pattern VAR = Pattern.compile("\\{([a-zA-Z0-9_]+)}");

    private final McpResource decl;
    private final ExecutionBody body;
    private final Pattern matcher;
    private final List<String> variables = new ArrayList<>();

    DynamicResource(McpResource decl, ExecutionBody body) {
        this.decl = decl;
        this.body = body;
        StringBuilder re = new StringBuilder();
        Matcher m = VAR.matcher(decl.uri());
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(decl.uri().substring(last, m.start()))).append("([^/]+)");
            variables.add(m.group(1));
            last = m.end();
        }
        re.append(Pattern.quote(decl.uri().substring(last)));
        this.matcher = Pattern.compile(re.toString());
    }

    @Override public String name() { return decl.name(); }
    @Override public String title() { return decl.label() != null ? decl.label() : decl.name(); }
    @Override public String description() { return decl.description(); }
    @Override public String mimeType() { return decl.mimeType(); }
    @Override public String uri() { return decl.uri(); }
    @Override public boolean isTemplate() { return !variables.isEmpty(); }

    @Override
    public List<Entry> entries() {
        return isTemplate() ? List.of() : List.of(new Entry(decl.uri(), name(), title(), description(), mimeType()));
    }

    @Override
    public Optional<Map<String, String>> match(String uri) {
        Matcher m = matcher.matcher(uri);
        if (!m.matches()) return Optional.empty();
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            vars.put(variables.get(i), java.net.URLDecoder.decode(m.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return Optional.of(vars);
    }

    @Override
    public CompletableFuture<Content> read(String uri, CallContext context) {
        Optional<Map<String, String>> vars = match(uri);
        if (vars.isEmpty()) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT, "unknown resource " + uri, List.of("uri")));
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        vars.get().forEach((k, v) -> values.put(k, TextNode.valueOf(v)));
        CompletableFuture<Content> out = new CompletableFuture<>();
        try {
            body.run(InputSource.of(values), values, context).whenComplete((o, e) -> {
                if (e != null) {
                    out.completeExceptionally(UnitFailure.of(e));
                } else {
                    String mime = decl.mimeType() != null ? decl.mimeType()
                            : o.contentType() != null ? o.contentType() : "application/json";
                    out.complete(new Content(uri, mime, o.bodyText()));
                }
            });
        } catch (RuntimeException e) {
            out.completeExceptionally(UnitFailure.of(e));
        }
        return out;
    }
}
