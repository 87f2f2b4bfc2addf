package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.McpResourceUnit;
import naftiko.engine.run.UnitFailure;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code resources/read}: the first declared resource whose URI (or template) matches reads it.
 * No match, or a URI the engine refuses under a matching declaration (missing file, unsafe path)
 * → -32002 "Resource not found" with the URI in {@code data}, as the 2025 revisions say.
 */
public final class ResourcesRead implements MethodHandler {

    private final List<McpResourceUnit> resources;

    public ResourcesRead(List<McpResourceUnit> resources) {
        this.resources = List.copyOf(resources);
    }

    /** Static resources are files read from disk. */
    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        String uri = request.requiredText("uri");
        for (McpResourceUnit r : resources) {
            if (r.match(uri).isEmpty()) continue;
            CallContext context = request.context();
            return r.read(uri, context).exceptionally(failure -> {
                UnitFailure unit = UnitFailure.of(failure);
                // The engine refuses unknown or unsafe URIs under a matching declaration as bad input.
                if (unit.kind() == UnitFailure.Kind.BAD_INPUT) throw notFound(uri);
                throw new CompletionException(failure);
            }).thenApply(content -> {
                ObjectNode result = Replies.object();
                ObjectNode c = result.putArray("contents").addObject();
                c.put("uri", content.uri() == null ? uri : content.uri());
                ResourcesList.putIfPresent(c, "mimeType", content.mimeType());
                c.put("text", content.text() == null ? "" : content.text());
                return result;
            });
        }
        throw notFound(uri);
    }

    private static JsonRpcError notFound(String uri) {
        return new JsonRpcError(JsonRpcError.RESOURCE_NOT_FOUND, "Resource not found: " + uri, Replies.object().put("uri", uri));
    }
}
