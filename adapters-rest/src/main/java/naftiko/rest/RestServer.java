package naftiko.rest;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.RestEndpoint;
import naftiko.rest.chain.AuthHandler;
import naftiko.rest.chain.BodyHandler;
import naftiko.rest.chain.DispatchHandler;
import naftiko.rest.chain.ExposureMux;
import naftiko.rest.chain.ProblemHandler;
import naftiko.rest.chain.RequestIdHandler;
import naftiko.rest.chain.RoutingHandler;
import naftiko.rest.route.RouteTable;

/**
 * One Undertow server for the {@code exposes: rest} asking for one address:port (one or several,
 * from one or several files). The handler chain is, outermost first: request id (and the request
 * log line) → graceful shutdown (503 once stopping) → problem rendering → exposure choice (swapped
 * atomically on reload) → inbound auth → routing → 100-continue → body reading → dispatch to the unit.
 */
public final class RestServer implements ExposureServer {

    /** Gateway defaults: bounded request heads, no connection held by a client that sends nothing. */

    private final String address;
    private final int requestedPort;
    private final long maxBodyBytes;
    private final ExposureMux mux = new ExposureMux();
    private final GracefulShutdownHandler graceful;
    private final HttpHandler root;
    private volatile List<RestEndpoint> endpoints = List.of();
    private volatile Undertow undertow;
    private volatile int boundPort = -1;

    RestServer(RestEndpoint endpoint, String address, int port, long maxBodyBytes) {
        this(address, port, maxBodyBytes);
        mount(List.of(endpoint));
    }

    /** A server with nothing mounted yet: every path is 404 until {@link #mount}. */
    RestServer(String address, int port, long maxBodyBytes) {
        this.address = address;
        this.requestedPort = port;
        this.maxBodyBytes = maxBodyBytes;
        this.graceful = new GracefulShutdownHandler(new ProblemHandler(mux));
        this.root = new RequestIdHandler(graceful);
    }

    /**
     * Replaces the exposures served, atomically: requests already routed finish on the units they
     * started with; the next request sees the new routes. Exposures are tried in the given order.
     * Callers make sure their routes do not collide (a collision is reported, never overridden).
     */
    public void mount(List<RestEndpoint> next) {
        List<ExposureMux.Exposure> built = new ArrayList<>();
        for (RestEndpoint endpoint : next) built.add(chain(endpoint));
        endpoints = List.copyOf(next);
        mux.mount(built);
    }

    private ExposureMux.Exposure chain(RestEndpoint endpoint) {
        RouteTable routes = RouteTable.compile(endpoint.routes());
        Set<String> credentialHeaders = endpoint.auth() == null ? Set.of() : endpoint.auth().credentialHeaders();
        HttpHandler handler = new DispatchHandler();
        handler = new BodyHandler(maxBodyBytes, credentialHeaders, handler);
        handler = new HttpContinueReadHandler(handler);
        handler = new RoutingHandler(routes, handler);
        if (endpoint.auth() != null) handler = new AuthHandler(endpoint.auth(), handler);
        return new ExposureMux.Exposure(endpoint.namespace(), routes, handler,
                endpoint.auth() == null ? null : endpoint.auth().protectedResourceMetadata());
    }

    /** The exposures mounted now, in matching order. */
    public List<RestEndpoint> endpoints() {
        return endpoints;
    }

    /** The namespace of the (first) mounted exposure, or "" when none is mounted. */
    public String namespace() {
        List<RestEndpoint> now = endpoints;
        return now.isEmpty() ? "" : now.get(0).namespace();
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
        return Listener.url(address, boundPort >= 0 ? boundPort : requestedPort);
    }

    public int routeCount() {
        return mux.mounted().stream().mapToInt(e -> e.routes().mounted().size()).sum();
    }

    @Override
    public synchronized void start() {
        if (undertow != null) return;
        int ioThreads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Undertow server = Listener.start("REST", namespace(), address, requestedPort, ioThreads, root);
        undertow = server;
        boundPort = Listener.boundPort(server);
    }

    @Override
    public synchronized void stop(Duration grace) {
        Undertow server = undertow;
        if (server == null) return;
        Listener.stop(server, graceful, grace);
        undertow = null;
    }

    @Override
    public List<String> describe() {
        return mux.mounted().stream().flatMap(e -> e.routes().mounted().stream())
                .map(m -> m.method() + " " + m.path() + " → " + m.route().unit().target())
                .toList();
    }

    /** {@code REST http://127.0.0.1:8080 (19 routes)}, for the ready line. */
    public String summary() {
        int n = routeCount();
        return "REST " + url() + " (" + n + (n == 1 ? " route)" : " routes)");
    }
}
