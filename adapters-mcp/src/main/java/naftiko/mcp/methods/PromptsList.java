package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.McpPromptUnit;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/** {@code prompts/list}: descriptors built once, {@code required} always materialised. */
public final class PromptsList implements MethodHandler {

    private final List<ObjectNode> prompts;
    private final Paging paging;

    public PromptsList(List<McpPromptUnit> prompts, Paging paging) {
        List<ObjectNode> all = new ArrayList<>();
        for (McpPromptUnit p : prompts) {
            ObjectNode d = Replies.object();
            d.put("name", p.name());
            ResourcesList.putIfPresent(d, "title", p.title());
            ResourcesList.putIfPresent(d, "description", p.description());
            if (p.arguments() != null && !p.arguments().isEmpty()) {
                ArrayNode args = d.putArray("arguments");
                for (McpPrompt.Argument a : p.arguments()) {
                    ObjectNode ad = args.addObject();
                    ad.put("name", a.name());
                    ResourcesList.putIfPresent(ad, "title", a.label());
                    ResourcesList.putIfPresent(ad, "description", a.description());
                    ad.put("required", a.required());
                }
            }
            all.add(d);
        }
        this.prompts = List.copyOf(all);
        this.paging = paging;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        return CompletableFuture.completedFuture(paging.listResult("prompts", prompts, request.cursor()));
    }
}
