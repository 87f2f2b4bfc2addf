package naftiko.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * A JsonPath (SPEC.md §10.5) compiled once, evaluated over Jackson trees. {@code $} and {@code $.}
 * denote the whole document; a path that does not match yields null, never an error.
 */
public final class JsonPathExpr {
    private static final Configuration CONF = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String source;
    private final JsonPath path;

    private JsonPathExpr(String source, JsonPath path) {
        this.source = source;
        this.path = path;
    }

    /** @throws IllegalArgumentException when the path does not compile */
    public static JsonPathExpr compile(String source) {
        String s = source.trim();
        if (s.equals("$") || s.equals("$.")) return new JsonPathExpr(source, null);
        try {
            return new JsonPathExpr(source, JsonPath.compile(s));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid JsonPath '" + source + "': " + e.getMessage());
        }
    }

    public boolean isWholeDocument() {
        return path == null;
    }

    public JsonNode evaluate(JsonNode root) {
        if (root == null) return null;
        if (path == null) return root;
        Object r = path.read(root, CONF);
        return r instanceof JsonNode n && !n.isMissingNode() ? n : null;
    }

    public String source() {
        return source;
    }
}
