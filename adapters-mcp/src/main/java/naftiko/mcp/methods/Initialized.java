package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Request;

/** {@code notifications/initialized}: nothing to do, the server sends no requests of its own. */
public final class Initialized implements MethodHandler {
    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        return CompletableFuture.completedFuture(null);
    }
}
