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

/** {@code resources/templates/list}: resources whose URI has {@code {var}} placeholders. */
public final class ResourceTemplatesList implements MethodHandler {

    private final List<ObjectNode> templates;
    private final Paging paging;

    public ResourceTemplatesList(List<McpResourceUnit> resources, Paging paging) {
        List<ObjectNode> all = new ArrayList<>();
        for (McpResourceUnit r : resources) {
            if (!r.isTemplate()) continue;
            ObjectNode d = Replies.object();
            d.put("uriTemplate", r.uri());
            d.put("name", r.name());
            ResourcesList.putIfPresent(d, "title", r.title());
            ResourcesList.putIfPresent(d, "description", r.description());
            ResourcesList.putIfPresent(d, "mimeType", r.mimeType());
            all.add(d);
        }
        this.templates = List.copyOf(all);
        this.paging = paging;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        return CompletableFuture.completedFuture(paging.listResult("resourceTemplates", templates, request.cursor()));
    }
}
