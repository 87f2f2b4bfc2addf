package naftiko.mcp.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.session.SessionIds;
import naftiko.mcp.session.Sessions;

/**
 * The MCP exposures asking for one address:port, served over Streamable HTTP on one Undertow
 * listener. {@link #mount} swaps the endpoints atomically (hot reload) and sends
 * {@code notifications/tools/list_changed} on the event streams of the paths whose tools changed.
 */
public final class StreamableHttpServer implements ExposureServer {

    /** How many sessions (live, and ended) one instance remembers. */
    static final int MAX_SESSIONS = 10_000;
    static final Duration ENDED_MEMORY = Duration.ofHours(24);

    private final String address;
    private final int port;
    private final SessionIds ids;
    private final long maxBodyBytes;
    private final McpRoutes routes;
    private final EventStreams streams = new EventStreams();
    private Undertow undertow;
    private GracefulShutdownHandler graceful;
    private int boundPort;

    /** One exposure with a dispatcher built by the caller. */
    public StreamableHttpServer(McpEndpoint endpoint, String address, int port, Dispatcher dispatcher,
            SessionIds ids, long maxBodyBytes) {
        this(address, port, ids, maxBodyBytes, naftiko.mcp.methods.Paging.DEFAULT_PAGE_SIZE);
        routes.mountFixed(endpoint, dispatcher);
    }

    /** A server with no endpoint yet (every path 404 until {@link #mount}). */
    public StreamableHttpServer(String address, int port, SessionIds ids, long maxBodyBytes, int pageSize) {
        this.address = address;
        this.port = port;
        this.ids = ids;
        this.maxBodyBytes = maxBodyBytes;
        this.routes = new McpRoutes(pageSize);
    }

    /**
     * Serves these exposures from now on: requests already dispatched finish on the units they
     * started with. Clients with an open event stream on a path whose tools changed get
     * {@code notifications/tools/list_changed}.
     */
    public void mount(List<McpRoutes.Mount> next) {
        Set<String> changed = routes.mount(next);
        streams.toolsChanged(changed);
    }

    public List<McpEndpoint> endpoints() {
        return routes.mounts().stream().map(McpRoutes.Mount::endpoint).toList();
    }

    /** Open event streams on a path (e.g. {@code /mcp/ns}); for status and tests. */
    public int openStreams(String path) {
        return streams.open(path);
    }

    @Override
    public synchronized void start() {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("MCP " + label() + ": unknown address '" + address + "'");
        }
        Sessions sessions = new Sessions(ids, Clock.systemUTC(), MAX_SESSIONS, ENDED_MEMORY);
        graceful = new GracefulShutdownHandler(new McpHttpHandler(routes, streams, sessions, loopback, maxBodyBytes));
        undertow = Undertow.builder()
                .addHttpListener(port, address)
                // JSON-RPC runs on the I/O threads; the worker pool only takes handlers that may block
                // (resources read from files), so a few threads do instead of Undertow's 8 per core
                .setWorkerThreads(4)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, maxBodyBytes)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, naftiko.engine.run.ExposureLimits.MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, naftiko.engine.run.ExposureLimits.parseTimeoutMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, naftiko.engine.run.ExposureLimits.IDLE_TIMEOUT_MS)
                .setHandler(graceful)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow = null;
            throw new IllegalStateException("MCP " + label() + ": cannot listen on " + address + ":" + port
                    + " (" + rootMessage(e) + "); free the port or pass --port " + label() + "=PORT");
        }
        boundPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (undertow == null) return;
        graceful.shutdown();
        streams.closeAll();
        try {
            graceful.awaitShutdown(Math.max(0, grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        undertow = null;
    }

    /** The bound port (useful with port 0), valid after {@link #start()}. */
    public int port() {
        return boundPort;
    }

    /** {@code http://host:port/mcp}. */
    public String url() {
        String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
        return "http://" + host + ":" + (undertow == null ? port : boundPort) + "/mcp";
    }

    /**
     * One line per endpoint: {@code MCP ns http://…/mcp (3 tools)} for a lone exposure; with several,
     * each at {@code /mcp/<ns>}, then the combined {@code /mcp} when their names are unique.
     */
    @Override
    public List<String> describe() {
        List<McpRoutes.Mount> mounts = routes.mounts();
        if (mounts.size() == 1) {
            McpEndpoint e = mounts.get(0).endpoint();
            return List.of("MCP " + e.namespace() + " " + url() + " (" + tools(e.tools().size()) + ")");
        }
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (McpRoutes.Mount m : mounts) {
            total += m.endpoint().tools().size();
            lines.add("MCP " + m.endpoint().namespace() + " " + url() + "/" + m.endpoint().namespace()
                    + " (" + tools(m.endpoint().tools().size()) + ")");
        }
        if (routes.paths().contains("/mcp")) {
            lines.add("MCP (all) " + url() + " (" + tools(total) + ")");
        } else if (!mounts.isEmpty()) {
            lines.add("MCP " + url() + " not served: two exposures share a name; use /mcp/<namespace>");
        }
        return lines;
    }

    private static String tools(int n) {
        return n + (n == 1 ? " tool" : " tools");
    }

    private String label() {
        List<McpRoutes.Mount> m = routes.mounts();
        return m.isEmpty() ? "NAMESPACE" : m.get(0).endpoint().namespace();
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
