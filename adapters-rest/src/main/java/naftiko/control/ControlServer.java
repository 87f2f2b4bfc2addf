package naftiko.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.run.ControlEndpoint;
import naftiko.engine.run.ExposureServer;

/**
 * The management plane (SPEC.md §16, issue 6): {@code GET /health/live}, {@code /health/ready}
 * (503 until every capability is mounted), {@code /status} and {@code /metrics} (Prometheus text).
 * One per process; it reads the {@link ControlState} the run session publishes.
 */
public final class ControlServer implements ExposureServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControlEndpoint endpoint;
    private final PrometheusMetrics metrics;
    private final Instant startedAt = Instant.now();
    private volatile java.util.function.Supplier<ControlState> state = () -> null;
    private volatile Undertow undertow;
    private volatile int boundPort = -1;

    /** @param metrics the recorder whose series {@code /metrics} exposes; null when metrics are off */
    public ControlServer(ControlEndpoint endpoint, PrometheusMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = endpoint.metrics() ? metrics : null;
    }

    /** Replaces what {@code /health/ready} and {@code /status} report. */
    public void publish(ControlState state) {
        this.state = () -> state;
    }

    /** From now on, {@code /health/ready} and {@code /status} report what {@code source} computes at each request. */
    public void follow(java.util.function.Supplier<ControlState> source) {
        this.state = source;
    }

    public int port() {
        return boundPort;
    }

    public String url() {
        String a = endpoint.address();
        return "http://" + (a.contains(":") ? "[" + a + "]" : a) + ":" + (boundPort >= 0 ? boundPort : endpoint.port());
    }

    @Override
    public synchronized void start() {
        if (undertow != null) return;
        Undertow server = Undertow.builder()
                .addHttpListener(endpoint.port(), endpoint.address())
                .setIoThreads(1)
                .setWorkerThreads(1)
                .setHandler(this::handle)
                .build();
        try {
            server.start();
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // nothing was listening
            }
            Throwable c = e;
            while (c != null && !(c instanceof BindException)) c = c.getCause();
            throw new IllegalStateException("control port cannot listen on " + endpoint.address() + ":" + endpoint.port()
                    + ": " + (c != null ? "address already in use" : "cannot listen")
                    + " (choose another with --control-port PORT)", null);
        }
        undertow = server;
        boundPort = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public synchronized void stop(Duration grace) {
        if (undertow == null) return;
        undertow.stop();
        undertow = null;
    }

    @Override
    public List<String> describe() {
        StringBuilder paths = new StringBuilder();
        if (endpoint.health()) paths.append(" /health/live /health/ready");
        if (endpoint.info()) paths.append(" /status");
        if (metrics != null) paths.append(" /metrics");
        return List.of("control " + url() + (paths.length() == 0 ? " (no endpoint enabled)" : paths.toString()));
    }

    private void handle(HttpServerExchange exchange) throws Exception {
        InboundAuth auth = endpoint.auth();
        if (auth != null) {
            InboundAuth.Verdict v = auth.check(name -> exchange.getRequestHeaders().getFirst(name), name -> {
                var values = exchange.getQueryParameters().get(name);
                return values == null || values.isEmpty() ? null : values.getFirst();
            });
            if (!v.accepted()) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, v.challenge());
                json(exchange, 401, JSON.createObjectNode().put("status", 401).put("title", "Unauthorized")
                        .put("detail", v.reason()));
                return;
            }
        }
        String path = exchange.getRelativePath();
        boolean known = switch (path) {
            case "/health/live", "/health/ready" -> endpoint.health();
            case "/status" -> endpoint.info();
            case "/metrics" -> metrics != null;
            default -> false;
        };
        if (!known) {
            json(exchange, 404, JSON.createObjectNode().put("status", 404).put("title", "Not Found")
                    .put("detail", "no control endpoint at " + path));
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            json(exchange, 405, JSON.createObjectNode().put("status", 405).put("title", "Method Not Allowed"));
            return;
        }
        ControlState s = path.equals("/health/ready") || path.equals("/status") ? state.get() : null;
        switch (path) {
            case "/health/live" -> json(exchange, 200, JSON.createObjectNode().put("status", "UP"));
            case "/health/ready" -> json(exchange, s != null && s.ready() ? 200 : 503, StatusDocument.ready(s));
            case "/status" -> json(exchange, 200, StatusDocument.status(s, startedAt));
            default -> send(exchange, 200, metrics.contentType(), metrics.scrape());
        }
    }

    private static void json(HttpServerExchange exchange, int status, JsonNode body) throws Exception {
        send(exchange, status, status >= 400 && body.has("title") ? "application/problem+json" : "application/json",
                JSON.writeValueAsBytes(body));
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

}
