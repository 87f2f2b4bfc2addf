package naftiko.rest.skill;

import io.undertow.Undertow;
import naftiko.rest.Listener;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.run.ExposureServer;
import naftiko.rest.chain.AuthHandler;
import naftiko.rest.chain.RequestIdHandler;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;
import naftiko.rest.route.PercentDecoding;

/**
 * One Undertow server for one {@code exposes: type: skill}: the read-only catalog of SPEC.md §15.2.
 * It never runs a tool; {@code invocationRef} tells the agent which REST or MCP unit does.
 * Catalog documents are rendered at start-up; directory reads run on worker threads.
 */
public final class SkillServer implements ExposureServer, HttpHandler {

    private static final System.Logger LOG = System.getLogger("naftiko.skill");

    private final String namespace;
    private final SkillCatalog catalog;
    private final String address;
    private final int requestedPort;
    private final GracefulShutdownHandler graceful;
    private volatile Undertow undertow;
    private volatile int boundPort = -1;

    SkillServer(String namespace, SkillCatalog catalog, InboundAuth auth, String address, int port) {
        this.namespace = namespace;
        this.catalog = catalog;
        this.address = address;
        this.requestedPort = port;
        HttpHandler chain = auth == null ? this : new AuthHandler(auth, this); // same inbound auth as REST
        this.graceful = new GracefulShutdownHandler(new RequestIdHandler(chain));
    }

    public String namespace() {
        return namespace;
    }

    /** The port actually bound, or -1 before {@link #start()}. */
    public int port() {
        return boundPort;
    }

    public String url() {
        return Listener.url(address, boundPort >= 0 ? boundPort : requestedPort);
    }

    @Override
    public synchronized void start() {
        if (undertow != null) return;
        Undertow server = Listener.start("skill", namespace, address, requestedPort, 1, graceful);
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
        int n = catalog.size();
        return List.of("SKILL " + url() + "/skills (" + namespace + ", " + n + (n == 1 ? " skill)" : " skills)"));
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String requestId = exchange.getResponseHeaders().getFirst(RequestIdHandler.HEADER);
        boolean head = Methods.HEAD.equals(exchange.getRequestMethod());
        if (!Methods.GET.equals(exchange.getRequestMethod()) && !head) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD");
            ProblemWriter.send(exchange, Problem.methodNotAllowed(exchange.getRequestMethod().toString(),
                    exchange.getRequestPath(), "GET, HEAD"), requestId);
            return;
        }
        List<String> segments;
        try {
            segments = segments(exchange.getRequestPath());
        } catch (IllegalArgumentException e) {
            ProblemWriter.send(exchange, Problem.badRequest("The path has a malformed percent-escape."), requestId);
            return;
        }
        if (segments.isEmpty() || !segments.get(0).equals("skills")) {
            notFound(exchange, requestId);
        } else if (segments.size() == 1) {
            json(exchange, catalog.list());
        } else if (!catalog.has(segments.get(1))) {
            ProblemWriter.send(exchange, new Problem(404, "not-found", "Not Found",
                    "No skill named '" + segments.get(1) + "' in this catalog; GET /skills lists them.", List.of()), requestId);
        } else if (segments.size() == 2) {
            json(exchange, catalog.detail(segments.get(1)));
        } else if (segments.size() == 3 && segments.get(2).equals("download")) {
            onWorker(exchange, () -> download(exchange, segments.get(1), requestId));
        } else if (segments.get(2).equals("contents")) {
            List<String> rest = segments.subList(3, segments.size());
            onWorker(exchange, () -> contents(exchange, segments.get(1), rest, requestId));
        } else {
            notFound(exchange, requestId);
        }
    }

    private void download(HttpServerExchange exchange, String skill, String requestId) throws IOException {
        SkillDirectory dir = catalog.directory(skill);
        if (dir == null || !dir.exists()) {
            noDirectory(exchange, skill, requestId);
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/zip");
        exchange.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + skill + ".zip\"");
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
            return;
        }
        exchange.startBlocking();
        try (OutputStream out = exchange.getOutputStream()) {
            dir.zip(out);
        }
    }

    private void contents(HttpServerExchange exchange, String skill, List<String> path, String requestId) throws IOException {
        SkillDirectory dir = catalog.directory(skill);
        if (dir == null || !dir.exists()) {
            noDirectory(exchange, skill, requestId);
            return;
        }
        if (path.isEmpty()) {
            json(exchange, dir.listing(skill));
            return;
        }
        Path file;
        try {
            file = dir.file(path);
        } catch (SkillDirectory.UnsafePath e) {
            ProblemWriter.send(exchange, Problem.badRequest("Refused: " + e.getMessage() + "."), requestId);
            return;
        }
        if (file == null) {
            ProblemWriter.send(exchange, new Problem(404, "not-found", "Not Found", "Skill '" + skill
                    + "' has no file '" + String.join("/", path) + "'; GET /skills/" + skill + "/contents lists them.",
                    List.of()), requestId);
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, SkillDirectory.mediaType(file));
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, Files.size(file));
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
            return;
        }
        exchange.startBlocking();
        try (OutputStream out = exchange.getOutputStream()) {
            Files.copy(file, out);
        }
    }

    private interface Blocking {
        void run() throws IOException;
    }

    /** File-system work leaves the IO thread; a failure becomes a 500 without details. */
    private static void onWorker(HttpServerExchange exchange, Blocking work) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(() -> onWorker(exchange, work));
            return;
        }
        try {
            work.run();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "skill catalog: cannot read " + exchange.getRequestPath() + ": "
                    + e.getClass().getSimpleName());
            if (!exchange.isResponseStarted()) ProblemWriter.send(exchange, Problem.internal(), null);
            else exchange.endExchange();
        }
    }

    private static void noDirectory(HttpServerExchange exchange, String skill, String requestId) {
        ProblemWriter.send(exchange, new Problem(404, "not-found", "Not Found", "Skill '" + skill
                + "' has no files: it declares no 'location' or the directory does not exist.", List.of()), requestId);
    }

    private static void notFound(HttpServerExchange exchange, String requestId) {
        ProblemWriter.send(exchange, Problem.notFound(exchange.getRequestMethod().toString(), exchange.getRequestPath()),
                requestId);
    }

    private static void json(HttpServerExchange exchange, byte[] body) {
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }

    /** Raw path split on {@code /}, each segment percent-decoded; empty segments dropped. */
    private static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) out.add(PercentDecoding.decodePathSegment(s));
        }
        return out;
    }
}
