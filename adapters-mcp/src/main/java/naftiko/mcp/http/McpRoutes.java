package naftiko.mcp.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import com.fasterxml.jackson.databind.node.ObjectNode;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.Unit;
import naftiko.mcp.McpProtocol;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.methods.Paging;
import naftiko.mcp.methods.ToolsList;

/**
 * The MCP endpoints of one server by path, swapped as a whole on reload: {@code /mcp/<namespace>}
 * for every exposure, and {@code /mcp} (also {@code /}) for the only one, or for all of them
 * combined when no two share a tool, resource or prompt name. A request reads the map once. A
 * remount reuses the route of every exposure mounted before (same endpoint object, same title), so
 * reloading one file of a thousand rebuilds one dispatcher, not a thousand.
 */
public final class McpRoutes {

    /** One exposure to serve, with its capability's display name ({@code serverInfo.title}). */
    public record Mount(McpEndpoint endpoint, String title) {}

    /**
     * A path's dispatcher and a digest of its tool list (names, titles, descriptions, schemas),
     * computed the first time a remount compares it (never at start-up).
     */
    static final class Route {
        private final Dispatcher dispatcher;
        private final InboundAuth auth;
        private final java.util.function.Supplier<String> digest;
        private volatile String tools;

        Route(Dispatcher dispatcher, java.util.function.Supplier<String> digest, InboundAuth auth) {
            this.dispatcher = dispatcher;
            this.digest = digest;
            this.auth = auth;
        }

        Dispatcher dispatcher() {
            return dispatcher;
        }

        InboundAuth auth() {
            return auth;
        }

        String tools() {
            String t = tools;
            if (t == null) tools = t = digest.get();
            return t;
        }
    }

    /**
     * The routes by path, and the protected-resource metadata documents of their oauth2 auths by the
     * paths they are served at (looked up on every request, so indexed here, at mount).
     */
    private record Table(Map<String, Route> byPath, Map<String, ProtectedResourceMetadata> metadata) {

        static Table of(Map<String, Route> byPath) {
            Map<String, ProtectedResourceMetadata> meta = new HashMap<>();
            for (Route r : byPath.values()) {
                ProtectedResourceMetadata m = r.auth() == null ? null : r.auth().protectedResourceMetadata();
                if (m != null) m.paths().forEach(p -> meta.putIfAbsent(p, m));
            }
            return new Table(Map.copyOf(byPath), Map.copyOf(meta));
        }
    }

    /** A route built for one exposure, kept for the next remount while the same endpoint is mounted. */
    private record Built(String title, Route route) {}

    private final int pageSize;
    private final AtomicReference<Table> routes = new AtomicReference<>(Table.of(Map.of()));
    private volatile List<Mount> mounts = List.of();
    private Map<McpEndpoint, Built> byEndpoint = new IdentityHashMap<>();
    private Map<Unit, ObjectNode> described = new IdentityHashMap<>();
    private Built combinedBuilt;
    private List<McpEndpoint> combinedOf = List.of();

    McpRoutes(int pageSize) {
        this.pageSize = pageSize;
    }

    /** The route of a request path ({@code /mcp/x/} is {@code /mcp/x}), or null. */
    Route find(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes.get().byPath().get(p.isEmpty() ? "/" : p);
    }

    List<Mount> mounts() {
        return mounts;
    }

    /**
     * The RFC 9728 protected-resource metadata document served at {@code path} by one of the
     * mounted oauth2 exposures, or null.
     */
    ProtectedResourceMetadata metadataAt(String path) {
        return routes.get().metadata().get(path);
    }

    Set<String> paths() {
        return routes.get().byPath().keySet();
    }

    /** Swaps in the new endpoints; returns the paths whose tool list changed or disappeared. */
    synchronized Set<String> mount(List<Mount> next) {
        Map<String, Route> built = new LinkedHashMap<>();
        Map<McpEndpoint, Built> kept = new IdentityHashMap<>();
        // one descriptor per tool: the combined /mcp shares those of the namespaces, across remounts too
        Map<Unit, ObjectNode> before = described;
        Map<Unit, ObjectNode> fresh = new IdentityHashMap<>();
        Function<Unit, ObjectNode> describe = u -> fresh.computeIfAbsent(u, k -> {
            ObjectNode d = before.get(k);
            return d != null ? d : ToolsList.describe(k);
        });
        for (Mount m : next) {
            Built b = byEndpoint.get(m.endpoint());
            if (b == null || !java.util.Objects.equals(b.title(), m.title())) {
                List<Unit> tools = m.endpoint().tools();
                b = new Built(m.title(), new Route(McpProtocol.dispatcher(m.endpoint(), m.title(), pageSize, describe),
                        () -> fingerprint(tools), m.endpoint().auth()));
            }
            kept.put(m.endpoint(), b);
            built.put("/mcp/" + m.endpoint().namespace(), b.route());
        }
        byEndpoint = kept;
        for (Mount m : next) {
            for (Unit u : m.endpoint().tools()) {
                ObjectNode d = before.get(u);
                if (d != null) fresh.putIfAbsent(u, d);
            }
        }
        described = fresh;
        Route combinedRoute = null;
        if (next.size() == 1) {
            combinedRoute = built.values().iterator().next();
        } else {
            List<McpEndpoint> endpoints = next.stream().map(Mount::endpoint).toList();
            if (combinedBuilt != null && sameObjects(endpoints, combinedOf)) {
                combinedRoute = combinedBuilt.route();
            } else {
                McpEndpoint combined = combine(next);
                if (combined != null) {
                    List<Route> parts = new ArrayList<>();
                    for (Mount m : next) parts.add(kept.get(m.endpoint()).route());
                    combinedRoute = new Route(McpProtocol.dispatcher(combined, null, pageSize, describe), () -> {
                        StringBuilder digests = new StringBuilder();
                        for (Route part : parts) digests.append(part.tools());
                        return digest(digests);
                    }, combined.auth());
                }
                combinedBuilt = combinedRoute == null ? null : new Built(null, combinedRoute);
                combinedOf = endpoints;
            }
        }
        if (combinedRoute != null) {
            built.put("/mcp", combinedRoute);
            built.put("/", combinedRoute);
        }
        Map<String, Route> previous = routes.getAndSet(Table.of(built)).byPath();
        mounts = List.copyOf(next);
        Set<String> changed = new HashSet<>();
        previous.forEach((path, old) -> {
            Route now = built.get(path);
            if (now == null || (now != old && !now.tools().equals(old.tools()))) changed.add(path);
        });
        return changed;
    }

    private static boolean sameObjects(List<McpEndpoint> a, List<McpEndpoint> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** Serves one exposure with a dispatcher built by the caller, on {@code /mcp}, {@code /} and its own path. */
    void mountFixed(McpEndpoint endpoint, Dispatcher dispatcher) {
        Route r = new Route(dispatcher, () -> fingerprint(endpoint.tools()), endpoint.auth());
        routes.set(Table.of(Map.of("/mcp", r, "/", r, "/mcp/" + endpoint.namespace(), r)));
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

    /** SHA-256 of the tools' names, titles, descriptions and input schemas: kept instead of the text itself. */
    static String fingerprint(List<Unit> tools) {
        StringBuilder sb = new StringBuilder();
        for (Unit t : tools) {
            sb.append(t.name()).append('\u0000').append(t.title()).append('\u0000').append(t.description())
                    .append('\u0000').append(t.inputSchema()).append('\u0001');
        }
        return digest(sb);
    }

    private static String digest(CharSequence text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
