package naftiko.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * Handles one JSON-RPC method. The future completes with the {@code result} node (ignored for
 * notifications) or exceptionally with a {@link JsonRpcError}; it never blocks the caller.
 */
@FunctionalInterface
public interface MethodHandler {
    CompletableFuture<JsonNode> handle(Request request);
}
