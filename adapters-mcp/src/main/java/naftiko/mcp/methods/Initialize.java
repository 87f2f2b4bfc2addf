package naftiko.mcp.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import naftiko.mcp.ProtocolVersions;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.jsonrpc.Replies;
import naftiko.mcp.jsonrpc.Request;

/**
 * {@code initialize}: negotiates the revision (the client's when supported, else our latest) and
 * advertises only what the file declares. Tools always say {@code listChanged: true}: hot reload
 * will send {@code notifications/tools/list_changed}.
 */
public final class Initialize implements MethodHandler {

    private final ServerIdentity identity;

    public Initialize(ServerIdentity identity) {
        this.identity = identity;
    }

    @Override
    public CompletableFuture<JsonNode> handle(Request request) {
        JsonNode requested = request.params().get("protocolVersion");
        String version = ProtocolVersions.negotiate(requested == null ? null : requested.asText(null));
        request.session().protocolVersion(version);

        ObjectNode result = Replies.object();
        result.put("protocolVersion", version);
        ObjectNode capabilities = result.putObject("capabilities");
        capabilities.putObject("tools").put("listChanged", true);
        if (identity.hasResources()) {
            capabilities.putObject("resources").put("subscribe", false).put("listChanged", false);
        }
        if (identity.hasPrompts()) capabilities.putObject("prompts").put("listChanged", false);
        capabilities.putObject("logging");
        capabilities.putObject("completions");
        ObjectNode info = result.putObject("serverInfo");
        info.put("name", identity.name());
        if (identity.title() != null) info.put("title", identity.title());
        info.put("version", identity.version());
        if (identity.instructions() != null) result.put("instructions", identity.instructions());
        return CompletableFuture.completedFuture(result);
    }
}
