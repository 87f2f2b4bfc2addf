package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.UnitFailure;
import naftiko.mcp.jsonrpc.Replies;

/** Turns an engine {@link Outcome} or {@link UnitFailure} into a {@code CallToolResult}. */
final class ToolResults {
    private ToolResults() {}

    static ObjectNode of(Outcome outcome) {
        if (outcome.isError()) {
            String body = outcome.bodyText();
            return text("Upstream returned HTTP " + outcome.status() + (body.isEmpty() ? "" : ": " + body), true);
        }
        String body = outcome.bodyText();
        ObjectNode result = text(body, false);
        if (outcome.json() == null && StructuredContent.embeddable(outcome.body())) {
            // A JSON object relayed from upstream: written once escaped (text) and once verbatim.
            result.putRawValue("structuredContent", new RawValue(body));
            return result;
        }
        JsonNode json = outcome.jsonOrNull();
        if (json != null && json.isObject()) result.set("structuredContent", json);
        return result;
    }

    static ObjectNode failure(UnitFailure failure) {
        String prefix = failure.kind() == UnitFailure.Kind.BAD_INPUT ? "Invalid arguments" : failure.kind().title();
        return text(prefix + ": " + failure.getMessage(), true);
    }

    private static ObjectNode text(String text, boolean isError) {
        ObjectNode result = Replies.object();
        result.putArray("content").addObject().put("type", "text").put("text", text);
        result.put("isError", isError);
        return result;
    }
}
