package naftiko.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.UnitFailure;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.jsonrpc.JsonRpcError;
import naftiko.mcp.jsonrpc.MethodHandler;
import naftiko.mcp.methods.Cancelled;
import naftiko.mcp.methods.CompletionComplete;
import naftiko.mcp.methods.Initialize;
import naftiko.mcp.methods.Initialized;
import naftiko.mcp.methods.LoggingSetLevel;
import naftiko.mcp.methods.Paging;
import naftiko.mcp.methods.Ping;
import naftiko.mcp.methods.PromptsGet;
import naftiko.mcp.methods.PromptsList;
import naftiko.mcp.methods.ResourceTemplatesList;
import naftiko.mcp.methods.ResourcesList;
import naftiko.mcp.methods.ResourcesRead;
import naftiko.mcp.methods.ServerIdentity;
import naftiko.mcp.methods.ToolsCall;
import naftiko.mcp.methods.ToolsList;

/** Wires the MCP methods of one exposure into a transport-independent {@link Dispatcher}. */
public final class McpProtocol {
    private McpProtocol() {}

    private static final System.Logger LOG = System.getLogger("naftiko.mcp");

    public static Dispatcher dispatcher(McpEndpoint endpoint, int pageSize) {
        return dispatcher(endpoint, null, pageSize);
    }

    /** @param title the capability's display name ({@code info.label}) for {@code serverInfo.title}, or null */
    public static Dispatcher dispatcher(McpEndpoint endpoint, String title, int pageSize) {
        return dispatcher(endpoint, title, pageSize, ToolsList::describe);
    }

    /** @param describe a tool's {@code tools/list} descriptor (shared by the dispatchers of one mount) */
    public static Dispatcher dispatcher(McpEndpoint endpoint, String title, int pageSize,
                                        java.util.function.Function<naftiko.engine.run.Unit, com.fasterxml.jackson.databind.node.ObjectNode> describe) {
        boolean hasResources = endpoint.resources() != null && !endpoint.resources().isEmpty();
        boolean hasPrompts = endpoint.prompts() != null && !endpoint.prompts().isEmpty();
        ServerIdentity identity = new ServerIdentity(endpoint.namespace(), title, naftikoVersion(),
                endpoint.description(), hasResources, hasPrompts);
        Paging paging = new Paging(pageSize);

        Map<String, MethodHandler> requests = new HashMap<>();
        requests.put("initialize", new Initialize(identity));
        requests.put("ping", new Ping());
        requests.put("tools/list", new ToolsList(endpoint.tools(), paging, describe));
        requests.put("tools/call", new ToolsCall(endpoint.tools()));
        requests.put("logging/setLevel", new LoggingSetLevel());
        requests.put("completion/complete", new CompletionComplete());
        if (hasResources) {
            requests.put("resources/list", new ResourcesList(endpoint.resources(), paging));
            requests.put("resources/templates/list", new ResourceTemplatesList(endpoint.resources(), paging));
            requests.put("resources/read", new ResourcesRead(endpoint.resources()));
        }
        if (hasPrompts) {
            requests.put("prompts/list", new PromptsList(endpoint.prompts(), paging));
            requests.put("prompts/get", new PromptsGet(endpoint.prompts()));
        }
        Map<String, MethodHandler> notifications = Map.of(
                "notifications/initialized", new Initialized(),
                "notifications/cancelled", new Cancelled());
        String namespace = endpoint.namespace();
        return new Dispatcher(requests, notifications, failure -> unexpected(namespace, failure));
    }

    /** A failure that is neither a protocol error nor bad input: -32603, details only in the log. */
    private static JsonRpcError unexpected(String namespace, Throwable failure) {
        UnitFailure unit = UnitFailure.of(failure);
        if (unit.kind() != UnitFailure.Kind.INTERNAL) {
            return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, unit.kind().title() + ": " + unit.getMessage());
        }
        LOG.log(Level.ERROR, "MCP " + namespace + ": internal error", failure);
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "Internal error");
    }

    /** The naftiko version (serverInfo.version), from the build. */
    public static String naftikoVersion() {
        try (InputStream in = McpProtocol.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
