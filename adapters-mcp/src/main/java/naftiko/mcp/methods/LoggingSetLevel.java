package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/** {@code logging/setLevel}: stores the level (RFC 5424 names) on the session. */
public final class LoggingSetLevel implements MethodHandler {

    static final List<String> LEVELS =
            List.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        JsonNode level = request.params().get("level");
        if (level == null || !level.isTextual() || !LEVELS.contains(level.asText())) {
            throw JsonRpcError.invalidParams("Invalid params: 'level' must be one of " + String.join(", ", LEVELS));
        }
        request.session().logLevel(level.asText());
        return CompletableFuture.completedFuture(Replies.object());
    }
}
