package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.McpResourceUnit;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code resources/list}: concrete entries (static directories expand to one entry per file, read
 * at list time so that new files show up), paginated.
 */
public final class ResourcesList implements MethodHandler {

    private final List<McpResourceUnit> resources;
    private final Paging paging;

    public ResourcesList(List<McpResourceUnit> resources, Paging paging) {
        this.resources = List.copyOf(resources);
        this.paging = paging;
    }

    /** Static resources are directories walked at list time. */
    @Override
    public boolean mayBlock() {
        return true;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        List<McpResourceUnit.Entry> entries = new ArrayList<>();
        resources.stream().filter(r -> !r.isTemplate()).forEach(r -> entries.addAll(r.entries()));
        Paging.Page<McpResourceUnit.Entry> page = paging.page(entries, request.cursor());
        ObjectNode result = Replies.object();
        ArrayNode list = result.putArray("resources");
        for (McpResourceUnit.Entry e : page.items()) {
            ObjectNode d = list.addObject();
            d.put("uri", e.uri());
            d.put("name", e.name());
            putIfPresent(d, "title", e.title());
            putIfPresent(d, "description", e.description());
            putIfPresent(d, "mimeType", e.mimeType());
        }
        return CompletableFuture.completedFuture(page.annotate(result));
    }

    static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) node.put(field, value);
    }
}
