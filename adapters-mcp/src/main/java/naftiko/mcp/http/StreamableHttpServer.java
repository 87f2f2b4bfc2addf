package naftiko.mcp.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.session.SessionIds;
import naftiko.mcp.session.Sessions;

/** One MCP exposure served over Streamable HTTP on its own Undertow listener. */
public final class StreamableHttpServer implements ExposureServer {

    /** How many sessions (live, and ended) one instance remembers. */
    static final int MAX_SESSIONS = 10_000;
    static final Duration ENDED_MEMORY = Duration.ofHours(24);

    private final McpEndpoint endpoint;
    private final String address;
    private final int port;
    private final Dispatcher dispatcher;
    private final SessionIds ids;
    private final long maxBodyBytes;
    private Undertow undertow;
    private GracefulShutdownHandler graceful;
    private int boundPort;

    public StreamableHttpServer(McpEndpoint endpoint, String address, int port, Dispatcher dispatcher,
            SessionIds ids, long maxBodyBytes) {
        this.endpoint = endpoint;
        this.address = address;
        this.port = port;
        this.dispatcher = dispatcher;
        this.ids = ids;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public synchronized void start() {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("MCP " + endpoint.namespace() + ": unknown address '" + address + "'");
        }
        Sessions sessions = new Sessions(ids, Clock.systemUTC(), MAX_SESSIONS, ENDED_MEMORY);
        graceful = new GracefulShutdownHandler(
                new McpHttpHandler(dispatcher, sessions, endpoint.auth(), loopback, maxBodyBytes));
        undertow = Undertow.builder()
                .addHttpListener(port, address)
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
            throw new IllegalStateException("MCP " + endpoint.namespace() + ": cannot listen on " + address + ":" + port
                    + " (" + rootMessage(e) + "); free the port or pass --port " + endpoint.namespace() + "=PORT");
        }
        boundPort = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (undertow == null) return;
        graceful.shutdown();
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

    @Override
    public List<String> describe() {
        int tools = endpoint.tools().size();
        return List.of("MCP " + endpoint.namespace() + " " + url() + " (" + tools + (tools == 1 ? " tool)" : " tools)"));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) c = c.getCause();
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
