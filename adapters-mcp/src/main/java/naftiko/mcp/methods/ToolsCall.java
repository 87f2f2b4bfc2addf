package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.run.UnitFailure;
import naftiko.mcp.ProtocolVersions;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code tools/call}: arguments go to the engine unit, which validates them against the input
 * schema before any upstream call. Results:
 * <ul>
 * <li>success: the body as text, plus {@code structuredContent} when it is a JSON object;</li>
 * <li>upstream status ≥ 400 or an upstream failure: {@code isError: true} with the status and the
 * upstream body, so the agent can react;</li>
 * <li>invalid arguments: JSON-RPC -32602 naming the argument for revisions up to 2025-06-18; from
 * 2025-11-25 on (SEP-1303) a tool result with {@code isError: true} carrying the same message.</li>
 * </ul>
 */
public final class ToolsCall implements MethodHandler {

    private final Map<String, Unit> tools = new LinkedHashMap<>();

    public ToolsCall(List<Unit> tools) {
        tools.forEach(t -> this.tools.putIfAbsent(t.name(), t));
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        String name = request.requiredText("name");
        Unit tool = tools.get(name);
        if (tool == null) throw JsonRpcError.invalidParams("Invalid params: Unknown tool: " + name);
        ObjectNode arguments = request.optionalObject("arguments");
        Map<String, JsonNode> values = new LinkedHashMap<>();
        if (arguments != null) arguments.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
        boolean validationAsResult = ProtocolVersions.LATEST.equals(request.session().protocolVersion());
        CallContext context = request.context();
        CompletableFuture<Outcome> call;
        try {
            call = tool.invoke(Arguments.of(values), context);
        } catch (UnitFailure e) {
            call = CompletableFuture.failedFuture(e);
        }
        return call.handle((outcome, failure) -> {
            if (failure == null) return ToolResults.of(outcome);
            UnitFailure unit = UnitFailure.of(failure);
            if (unit.kind() == UnitFailure.Kind.BAD_INPUT && !validationAsResult) {
                throw JsonRpcError.invalidParams("Invalid params: " + unit.getMessage());
            }
            if (unit.kind() == UnitFailure.Kind.INTERNAL) throw new CompletionException(failure);
            return ToolResults.failure(unit);
        });
    }
}
