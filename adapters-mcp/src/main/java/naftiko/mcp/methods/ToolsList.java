package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.McpTool;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/** {@code tools/list}: descriptors built once, in declaration order, paginated. */
public final class ToolsList implements MethodHandler {

    private final List<ObjectNode> descriptors;
    private final Paging paging;

    public ToolsList(List<Unit> tools, Paging paging) {
        this(tools, paging, ToolsList::describe);
    }

    /**
     * @param describe the descriptor of a tool: {@link #describe}, or one already built for the same
     *                 unit (descriptors are never modified: each reply carries copies)
     */
    public ToolsList(List<Unit> tools, Paging paging, java.util.function.Function<Unit, ObjectNode> describe) {
        List<ObjectNode> all = new ArrayList<>();
        tools.forEach(t -> all.add(describe.apply(t)));
        this.descriptors = List.copyOf(all);
        this.paging = paging;
    }

    public static ObjectNode describe(Unit tool) {
        ObjectNode d = Replies.object();
        d.put("name", tool.name());
        if (tool.title() != null) d.put("title", tool.title());
        if (tool.description() != null) d.put("description", tool.description());
        d.set("inputSchema", tool.inputSchema() != null ? tool.inputSchema() : Replies.object().put("type", "object"));
        if (tool.outputSchema() != null) d.set("outputSchema", tool.outputSchema());
        ObjectNode annotations = annotations(tool.title(), tool.hints());
        if (!annotations.isEmpty()) d.set("annotations", annotations);
        return d;
    }

    /** Only the hints the file says (or the engine derived); spec defaults are not materialised. */
    private static ObjectNode annotations(String title, McpTool.Hints hints) {
        ObjectNode a = Replies.object();
        if (title != null) a.put("title", title);
        if (hints == null) return a;
        if (hints.readOnly() != null) a.put("readOnlyHint", hints.readOnly());
        if (hints.destructive() != null) a.put("destructiveHint", hints.destructive());
        if (hints.idempotent() != null) a.put("idempotentHint", hints.idempotent());
        if (hints.openWorld() != null) a.put("openWorldHint", hints.openWorld());
        return a;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        return CompletableFuture.completedFuture(paging.listResult("tools", descriptors, request.cursor()));
    }
}
