package naftiko.engine.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A recording HTTP upstream on 127.0.0.1 for tests: every request is kept (method, path, raw
 * query, headers, body) and answered by a script (default: 200 {"ok":true}). Shared by the
 * engine's and the adapters' tests through the engine test-jar.
 */
public final class FakeUpstream implements AutoCloseable {

    /** A request as the upstream saw it. Header names are lower-cased. */
    public record Recorded(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** {@code path?query} as sent on the request line. */
        public String target() {
            return rawQuery == null ? path : path + "?" + rawQuery;
        }
    }

    /** A scripted answer. {@code delayMillis} stalls before answering (timeouts). */
    public record Reply(int status, String contentType, byte[] body, Map<String, String> headers, long delayMillis) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        public static Reply text(int status, String contentType, String text) {
            return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h, delayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, contentType, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> script = r -> Reply.json(200, "{\"ok\":true}");

    public FakeUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-upstream");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} — no trailing slash. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeUpstream answer(Function<Recorded, Reply> script) {
        this.script = script;
        return this;
    }

    public FakeUpstream answer(Reply reply) {
        return answer(r -> reply);
    }

    public List<Recorded> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** The only request received; fails when there were none or several. */
    public Recorded single() {
        List<Recorded> all = requests();
        if (all.size() != 1) throw new AssertionError("expected exactly one upstream request, got " + all.size() + ": " + all);
        return all.get(0);
    }

    public void clear() {
        requests.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            Recorded rec = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    ex.getRequestURI().getRawQuery(), headers, body);
            requests.add(rec);
            Reply reply = script.apply(rec);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.contentType() != null) ex.getResponseHeaders().set("Content-Type", reply.contentType());
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean noBody = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304
                    || "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
