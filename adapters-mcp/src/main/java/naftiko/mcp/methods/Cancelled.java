package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code notifications/cancelled}: cancels the named in-flight request of the same session; its
 * response is then not sent (unknown or finished requests are ignored, as the spec allows).
 */
public final class Cancelled implements MethodHandler {
    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        JsonNode id = request.params().get("requestId");
        if (id != null && (id.isTextual() || id.isIntegralNumber())) request.session().cancel(Request.key(id));
        return CompletableFuture.completedFuture(null);
    }
}
