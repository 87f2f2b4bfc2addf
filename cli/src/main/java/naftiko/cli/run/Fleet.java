package naftiko.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.model.SourcePos;
import naftiko.mcp.McpServers;
import naftiko.mcp.http.McpRoutes;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.rest.RestServer;
import naftiko.rest.RestServers;

/**
 * The capabilities being served and the shared servers that serve them, one per address:port and
 * protocol. {@link #apply} recomputes which exposure goes where from the capabilities in load order
 * and remounts every server atomically; the first-loaded exposure keeps what it holds and a later
 * one that collides with it (same route, same MCP namespace, or a REST/MCP clash on a port) is left
 * out with a diagnostic naming both files. Port 0 means one free port shared by every exposure
 * asking for port 0 with that protocol and address.
 */
public final class Fleet {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{?[^}]*\\}?\\}");

    private final ServeOptions serve;
    private final boolean mcpHere;
    private final Map<Path, Capability> capabilities = new LinkedHashMap<>();
    private final Map<String, RestServer> rest = new LinkedHashMap<>();
    private final Map<String, StreamableHttpServer> mcp = new LinkedHashMap<>();

    /** @param mcpHere false when MCP is served elsewhere (stdio mode): only REST exposures are mounted */
    public Fleet(ServeOptions serve, boolean mcpHere) {
        this.serve = serve;
        this.mcpHere = mcpHere;
    }

    /** What one {@link #apply} did: collisions (and tool-name clashes), and servers that could not listen. */
    public record Applied(List<Diagnostic> diagnostics, List<String> listenFailures) {}

    /** Adds or replaces the capability of a file; a replaced one keeps its place in the load order. */
    public synchronized void put(Path file, Capability capability) {
        capabilities.put(file, capability);
    }

    public synchronized boolean remove(Path file) {
        return capabilities.remove(file) != null;
    }

    public synchronized Map<Path, Capability> capabilities() {
        return Map.copyOf(capabilities);
    }

    public synchronized List<RestServer> restServers() {
        return List.copyOf(rest.values());
    }

    public synchronized List<StreamableHttpServer> mcpServers() {
        return List.copyOf(mcp.values());
    }

    /** Every server, REST then MCP. */
    public synchronized List<ExposureServer> servers() {
        List<ExposureServer> all = new ArrayList<>(rest.values());
        all.addAll(mcp.values());
        return all;
    }

    /** Mounts what the capabilities ask for: new servers start, servers left empty stop (gracefully, in the background). */
    public synchronized Applied apply() {
        Plan plan = new Plan();
        capabilities.forEach((file, c) -> {
            for (RestEndpoint e : c.rest()) plan.rest(file, e);
            if (mcpHere && c.mcp() != null) {
                for (McpEndpoint e : c.mcp()) if (!McpServers.isStdio(e)) plan.mcp(file, c, e);
            }
        });
        List<String> failures = new ArrayList<>();
        plan.rest.forEach((key, endpoints) -> {
            RestServer s = rest.get(key);
            if (s == null) {
                s = RestServers.shared(address(key), port(key), serve);
                s.mount(endpoints);
                try {
                    s.start();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                    return;
                }
                rest.put(key, s);
            } else {
                s.mount(endpoints);
            }
        });
        plan.mcp.forEach((key, mounts) -> {
            StreamableHttpServer s = mcp.get(key);
            if (s == null) {
                s = McpServers.shared(address(key), port(key), serve);
                s.mount(mounts);
                try {
                    s.start();
                } catch (RuntimeException e) {
                    failures.add(e.getMessage());
                    return;
                }
                mcp.put(key, s);
            } else {
                s.mount(mounts);
            }
        });
        retire(rest, plan.rest.keySet());
        retire(mcp, plan.mcp.keySet());
        return new Applied(List.copyOf(plan.diagnostics), failures);
    }

    private void retire(Map<String, ? extends ExposureServer> servers, java.util.Set<String> keep) {
        servers.entrySet().removeIf(entry -> {
            if (keep.contains(entry.getKey())) return false;
            ExposureServer s = entry.getValue();
            if (s instanceof RestServer r) r.mount(List.of());
            if (s instanceof StreamableHttpServer m) m.mount(List.of());
            Thread t = new Thread(() -> s.stop(serve.shutdownGrace()), "naftiko-retire");
            t.setDaemon(true);
            t.start();
            return true;
        });
    }

    private static String address(String key) {
        return key.substring(0, key.lastIndexOf(':'));
    }

    private static int port(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
    }

    /** Exposures by address:port, with who owns what so far (first come, first served). */
    private final class Plan {
        final Map<String, List<RestEndpoint>> rest = new LinkedHashMap<>();
        final Map<String, List<McpRoutes.Mount>> mcp = new LinkedHashMap<>();
        final List<Diagnostic> diagnostics = new ArrayList<>();
        final Map<String, Owner> portOwners = new LinkedHashMap<>();
        final Map<String, Owner> routeOwners = new LinkedHashMap<>();
        final Map<String, Owner> mcpOwners = new LinkedHashMap<>();

        record Owner(Path file, String protocol, String namespace) {}

        void rest(Path file, RestEndpoint e) {
            String key = RestServers.addressOf(e, serve) + ":" + serve.portFor(e.namespace(), e.port());
            if (clashes(file, key, "REST", e.namespace(), e.pos())) return;
            Map<String, Owner> mine = new LinkedHashMap<>();
            for (RestEndpoint.RestRoute r : e.routes()) {
                String route = r.method() + " " + PLACEHOLDER.matcher(r.pathTemplate()).replaceAll("{}");
                Owner other = routeOwners.get(key + " " + route);
                if (other != null && !other.file().equals(file)) {
                    diagnostics.add(Diagnostic.error("route-collision", "REST exposure '" + e.namespace() + "' routes "
                            + r.method() + " " + r.pathTemplate() + " on " + key + ", already routed by '" + other.namespace()
                            + "' of " + other.file() + "; this exposure is not mounted",
                            "change the path, or give one of them another port", pos(file, e.pos())));
                    return;
                }
                mine.put(key + " " + route, new Owner(file, "REST", e.namespace()));
            }
            routeOwners.putAll(mine);
            portOwners.putIfAbsent(key, new Owner(file, "REST", e.namespace()));
            rest.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }

        void mcp(Path file, Capability c, McpEndpoint e) {
            String address = McpServers.addressOf(e, serve);
            String key = address + ":" + serve.portFor(e.namespace(), e.port() == null ? 0 : e.port());
            if (clashes(file, key, "MCP", e.namespace(), e.pos())) return;
            Owner other = mcpOwners.get(key + " ns " + e.namespace());
            if (other != null) {
                diagnostics.add(Diagnostic.error("mcp-collision", "MCP exposure '" + e.namespace() + "' on " + key
                        + " has the same namespace as the one of " + other.file() + " (both would be /mcp/"
                        + e.namespace() + "); this exposure is not mounted",
                        "rename one namespace, or give one of them another port", pos(file, e.pos())));
                return;
            }
            mcpOwners.put(key + " ns " + e.namespace(), new Owner(file, "MCP", e.namespace()));
            for (var tool : e.tools()) {
                Owner same = mcpOwners.putIfAbsent(key + " tool " + tool.name(), new Owner(file, "MCP", e.namespace()));
                if (same != null && !same.file().equals(file)) {
                    diagnostics.add(Diagnostic.warning("mcp-tool-collision", "tool '" + tool.name() + "' of MCP exposure '"
                            + e.namespace() + "' is also a tool of '" + same.namespace() + "' in " + same.file()
                            + "; the combined /mcp endpoint on " + key + " is not served",
                            "clients use /mcp/" + e.namespace() + " and /mcp/" + same.namespace()
                                    + ", or rename the tool", pos(file, tool.pos())));
                }
            }
            portOwners.putIfAbsent(key, new Owner(file, "MCP", e.namespace()));
            mcp.computeIfAbsent(key, k -> new ArrayList<>()).add(new McpRoutes.Mount(e, c.name()));
        }

        /** A REST and an MCP exposure cannot share an address:port: the later one is left out. */
        private boolean clashes(Path file, String key, String protocol, String namespace, SourcePos pos) {
            Owner owner = portOwners.get(key);
            // Port 0 is not a port: REST and MCP each get their own free one.
            if (owner == null || owner.protocol().equals(protocol) || key.endsWith(":0")) return false;
            diagnostics.add(Diagnostic.error("port-collision", protocol + " exposure '" + namespace + "' asks for " + key
                    + ", where " + owner.protocol() + " exposure '" + owner.namespace() + "' of " + owner.file()
                    + " listens; this exposure is not mounted", "give one of them another port", pos(file, pos)));
            return true;
        }

        private static SourcePos pos(Path file, SourcePos pos) {
            return pos != null && pos.file() != null ? pos : new SourcePos(file, pos == null ? 0 : pos.line(),
                    pos == null ? 0 : pos.column());
        }
    }

    /** Stops every server, each with the full grace period, all at once. */
    public void close(Duration grace) {
        ServerStops.all(servers(), grace);
    }
}
