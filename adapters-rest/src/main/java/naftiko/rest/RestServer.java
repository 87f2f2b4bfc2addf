package naftiko.rest;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.RestEndpoint;
import naftiko.rest.chain.AuthHandler;
import naftiko.rest.chain.BodyHandler;
import naftiko.rest.chain.DispatchHandler;
import naftiko.rest.chain.ProblemHandler;
import naftiko.rest.chain.RequestIdHandler;
import naftiko.rest.chain.RoutingHandler;
import naftiko.rest.route.RouteTable;

/**
 * One Undertow server for one {@code exposes: rest}. The handler chain is, outermost first:
 * request id → graceful shutdown (503 once stopping) → problem rendering → inbound auth → routing →
 * 100-continue → body reading → dispatch to the unit.
 */
public final class RestServer implements ExposureServer {

    /** Gateway defaults: bounded request heads, no connection held by a client that sends nothing. */
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int REQUEST_PARSE_TIMEOUT_MS = 30_000;
    private static final int IDLE_TIMEOUT_MS = 60_000;

    private final RestEndpoint endpoint;
    private final String address;
    private final int requestedPort;
    private final RouteTable routes;
    private final GracefulShutdownHandler graceful;
    private final HttpHandler root;
    private volatile Undertow undertow;
    private volatile int boundPort = -1;

    RestServer(RestEndpoint endpoint, String address, int port, long maxBodyBytes) {
        this.endpoint = endpoint;
        this.address = address;
        this.requestedPort = port;
        this.routes = RouteTable.compile(endpoint.routes());
        Set<String> credentialHeaders = endpoint.auth() == null ? Set.of() : endpoint.auth().credentialHeaders();
        HttpHandler handler = new DispatchHandler();
        handler = new BodyHandler(maxBodyBytes, credentialHeaders, handler);
        handler = new HttpContinueReadHandler(handler);
        handler = new RoutingHandler(routes, handler);
        if (endpoint.auth() != null) handler = new AuthHandler(endpoint.auth(), handler);
        handler = new ProblemHandler(handler);
        this.graceful = new GracefulShutdownHandler(handler);
        this.root = new RequestIdHandler(graceful);
    }

    public String namespace() {
        return endpoint.namespace();
    }

    /** The port actually bound (useful with port 0), or -1 before {@link #start()}. */
    public int port() {
        return boundPort;
    }

    public String address() {
        return address;
    }

    /** {@code http://ADDRESS:PORT}, with the bound port once started. */
    public String url() {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + (boundPort >= 0 ? boundPort : requestedPort);
    }

    public int routeCount() {
        return routes.mounted().size();
    }

    @Override
    public synchronized void start() {
        if (undertow != null) return;
        int ioThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Undertow server = Undertow.builder()
                .addHttpListener(requestedPort, address)
                .setIoThreads(ioThreads)
                .setWorkerThreads(2) // nothing blocks: the worker pool only serves Undertow internals
                .setServerOption(UndertowOptions.DECODE_URL, false) // we decode per segment, after splitting
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, REQUEST_PARSE_TIMEOUT_MS) // slow headers
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MS) // idle keep-alive
                .setHandler(root)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // nothing was listening
            }
            throw new IllegalStateException(bindMessage(e), null);
        }
        undertow = server;
        boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    private String bindMessage(RuntimeException e) {
        Throwable c = e;
        while (c != null && !(c instanceof BindException)) c = c.getCause();
        String why = c != null ? "address already in use" : "cannot listen";
        if (c == null && e.getCause() != null && e.getCause().getMessage() != null) {
            why = e.getCause().getMessage();
        }
        return "REST exposure '" + endpoint.namespace() + "' cannot listen on " + address + ":" + requestedPort
                + ": " + why + " (choose another port with --port " + endpoint.namespace() + "=PORT)";
    }

    @Override
    public synchronized void stop(Duration grace) {
        Undertow server = undertow;
        if (server == null) return;
        // New requests now get 503. (Suspending the listener would also close the open connections,
        // in-flight requests included, so the socket stays bound until they are done.)
        graceful.shutdown();
        try {
            graceful.awaitShutdown(Math.max(0, grace == null ? 0 : grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        undertow = null;
    }

    @Override
    public List<String> describe() {
        return routes.mounted().stream()
                .map(m -> m.method() + " " + m.path() + " → " + m.route().unit().target())
                .toList();
    }

    /** {@code REST http://127.0.0.1:8080 (19 routes)}, for the ready line. */
    public String summary() {
        int n = routeCount();
        return "REST " + url() + " (" + n + (n == 1 ? " route)" : " routes)");
    }
}
