package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code completion/complete}: alpha2 declares no completion values, so the answer is always an
 * empty list (the request shape is still checked).
 */
public final class CompletionComplete implements MethodHandler {
    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        ObjectNode ref = request.optionalObject("ref");
        ObjectNode argument = request.optionalObject("argument");
        if (ref == null || argument == null) {
            throw JsonRpcError.invalidParams("Invalid params: 'ref' and 'argument' are required");
        }
        ObjectNode result = Replies.object();
        ObjectNode completion = result.putObject("completion");
        completion.putArray("values");
        completion.put("total", 0);
        completion.put("hasMore", false);
        return CompletableFuture.completedFuture(result);
    }
}
