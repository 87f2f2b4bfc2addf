package naftiko.mcp.methods;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Decides when an upstream body relayed as-is can be embedded verbatim as a tool result's
 * {@code structuredContent}, instead of being parsed into a tree and written out again: it must be
 * exactly one JSON object (nothing after it), with no name twice in any object (a tree keeps only
 * the last), on one line (replies are framed by newlines on stdio and in SSE {@code data:} lines),
 * and start with {@code '{'} after spaces or tabs (no byte-order mark). Anything else takes the
 * tree path, which gives the same result as before.
 */
final class StructuredContent {
    private StructuredContent() {}

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static boolean embeddable(byte[] body) {
        int i = 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) i++;
        if (i == body.length || body[i] != '{') return false;
        for (byte b : body) {
            if (b == '\n' || b == '\r') return false;
        }
        try (JsonParser parser = STRICT.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) return false;
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
