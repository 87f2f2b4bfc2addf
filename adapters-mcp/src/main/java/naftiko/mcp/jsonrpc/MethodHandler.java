package naftiko.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;

/**
 * Handles one JSON-RPC method. The future completes with the {@code result} node (ignored for
 * notifications) or exceptionally with a {@link JsonRpcError}; it never waits on the network.
 */
@FunctionalInterface
public interface MethodHandler {
    CompletableFuture<JsonNode> handle(Request request);

    /**
     * True when {@link #handle} may block the calling thread (file-system reads): an HTTP transport
     * then runs it on a worker thread instead of the connection's I/O thread.
     */
    default boolean mayBlock() {
        return false;
    }
}
