package naftiko.mcp.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.Unit;
import naftiko.mcp.McpProtocol;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.methods.Paging;

/**
 * The MCP endpoints of one server by path, swapped as a whole on reload: {@code /mcp/<namespace>}
 * for every exposure, and {@code /mcp} (also {@code /}) for the only one, or for all of them
 * combined when no two share a tool, resource or prompt name. A request reads the map once.
 */
public final class McpRoutes {

    /** One exposure to serve, with its capability's display name ({@code serverInfo.title}). */
    public record Mount(McpEndpoint endpoint, String title) {}

    /** A path's dispatcher and a fingerprint of its tool list (names, titles, descriptions, schemas). */
    record Route(Dispatcher dispatcher, String tools, InboundAuth auth) {}

    private final int pageSize;
    private final AtomicReference<Map<String, Route>> routes = new AtomicReference<>(Map.of());
    private volatile List<Mount> mounts = List.of();
    private volatile Map<String, ProtectedResourceMetadata> metadata = Map.of();

    McpRoutes(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The route of a request path ({@code /mcp/x/} is {@code /mcp/x}), or null. */
    Route find(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.get().get(p.isEmpty() ? "/" : p);
    }

    List<Mount> mounts() {
        return mounts;
    }

    /**
     * The RFC 9728 protected-resource metadata document served at {@code path} by one of the
     * mounted oauth2 exposures, or null. Indexed by path at mount: this runs on every request.
     */
    ProtectedResourceMetadata metadataAt(String path) {
        return metadata.get(path);
    }

    private static Map<String, ProtectedResourceMetadata> metadataByPath(Iterable<Route> routes) {
        Map<String, ProtectedResourceMetadata> byPath = new HashMap<>();
        for (Route r : routes) {
            ProtectedResourceMetadata m = r.auth() == null ? null : r.auth().protectedResourceMetadata();
            if (m != null) m.paths().forEach(p -> byPath.putIfAbsent(p, m));
        }
        return Map.copyOf(byPath);
    }

    Set<String> paths() {
        return routes.get().keySet();
    }

    /** Swaps in the new endpoints; returns the paths whose tool list changed or disappeared. */
    Set<String> mount(List<Mount> next) {
        Map<String, Route> built = new LinkedHashMap<>();
        for (Mount m : next) {
            built.put("/mcp/" + m.endpoint().namespace(),
                    new Route(McpProtocol.dispatcher(m.endpoint(), m.title(), pageSize), fingerprint(m.endpoint().tools()),
                            m.endpoint().auth()));
        }
        McpEndpoint combined = next.size() == 1 ? next.get(0).endpoint() : combine(next);
        if (combined != null) {
            String title = next.size() == 1 ? next.get(0).title() : null;
            Route r = next.size() == 1 ? built.values().iterator().next()
                    : new Route(McpProtocol.dispatcher(combined, title, pageSize), fingerprint(combined.tools()), combined.auth());
            built.put("/mcp", r);
            built.put("/", r);
        }
        metadata = metadataByPath(built.values());
        Map<String, Route> before = routes.getAndSet(Map.copyOf(built));
        mounts = List.copyOf(next);
        Set<String> changed = new HashSet<>();
        before.forEach((path, old) -> {
            Route now = built.get(path);
            if (now == null || !now.tools().equals(old.tools())) changed.add(path);
        });
        return changed;
    }

    /** Serves one exposure with a dispatcher built by the caller, on {@code /mcp}, {@code /} and its own path. */
    void mountFixed(McpEndpoint endpoint, Dispatcher dispatcher) {
        Route r = new Route(dispatcher, fingerprint(endpoint.tools()), endpoint.auth());
        metadata = metadataByPath(List.of(r));
        routes.set(Map.of("/mcp", r, "/", r, "/mcp/" + endpoint.namespace(), r));
        mounts = List.of(new Mount(endpoint, null));
    }

    /** All exposures as one, or null when a tool, resource or prompt name appears twice or auths differ. */
    static McpEndpoint combine(List<Mount> mounts) {
        if (mounts.isEmpty()) return null;
        // One /mcp can only check one inbound auth: exposures with different ones are not combined.
        for (Mount m : mounts) if (m.endpoint().auth() != mounts.get(0).endpoint().auth()) return null;
        List<Unit> tools = new ArrayList<>();
        List<naftiko.engine.run.McpResourceUnit> resources = new ArrayList<>();
        List<naftiko.engine.run.McpPromptUnit> prompts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Mount m : mounts) {
            McpEndpoint e = m.endpoint();
            for (Unit t : e.tools()) if (!names.add("tool:" + t.name())) return null;
            if (e.resources() != null) {
                for (var r : e.resources()) if (!names.add("resource:" + r.uri())) return null;
                resources.addAll(e.resources());
            }
            if (e.prompts() != null) {
                for (var p : e.prompts()) if (!names.add("prompt:" + p.name())) return null;
                prompts.addAll(e.prompts());
            }
            tools.addAll(e.tools());
        }
        McpEndpoint first = mounts.get(0).endpoint();
        return new McpEndpoint("naftiko", first.transport(), first.address(), first.port(),
                "Every capability served on this port.", first.auth(), tools, resources, prompts, first.pos());
    }

    static String fingerprint(List<Unit> tools) {
        StringBuilder sb = new StringBuilder();
        for (Unit t : tools) {
            sb.append(t.name()).append('\u0000').append(t.title()).append('\u0000').append(t.description())
                    .append('\u0000').append(t.inputSchema()).append('\u0001');
        }
        return sb.toString();
    }
}
