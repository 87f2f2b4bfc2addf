package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.McpPromptUnit;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code prompts/get}: the engine renders the messages (values inserted literally). Unknown prompt
 * or a missing required argument → -32602.
 */
public final class PromptsGet implements MethodHandler {

    private final Map<String, McpPromptUnit> prompts = new LinkedHashMap<>();

    public PromptsGet(List<McpPromptUnit> prompts) {
        prompts.forEach(p -> this.prompts.putIfAbsent(p.name(), p));
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        String name = request.requiredText("name");
        McpPromptUnit prompt = prompts.get(name);
        if (prompt == null) throw JsonRpcError.invalidParams("Invalid params: Unknown prompt: " + name);
        ObjectNode arguments = request.optionalObject("arguments");
        Map<String, String> values = new LinkedHashMap<>();
        if (arguments != null) {
            arguments.properties().forEach(e ->
                    values.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        }
        List<McpPrompt.Message> messages = prompt.render(values);
        ObjectNode result = Replies.object();
        ResourcesList.putIfPresent(result, "description", prompt.description());
        ArrayNode list = result.putArray("messages");
        for (McpPrompt.Message m : messages) {
            ObjectNode msg = list.addObject();
            msg.put("role", m.role());
            msg.putObject("content").put("type", "text").put("text", m.content());
        }
        return CompletableFuture.completedFuture(result);
    }
}
