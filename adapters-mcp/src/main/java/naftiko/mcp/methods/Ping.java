package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/** {@code ping} → {@code {}}. */
public final class Ping implements MethodHandler {
    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        return CompletableFuture.completedFuture(Replies.object());
    }
}
