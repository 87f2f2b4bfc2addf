package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;
import naftiko.rest.route.Resolution;
import naftiko.rest.route.RouteTable;

/**
 * The exposures mounted on one server, swapped as a whole by {@link #mount}: a request reads the
 * list once and runs on that snapshot to its end, so a remount never blocks or drops in-flight
 * requests. With one exposure its chain runs directly (authentication before any routing); with
 * several, the first exposure whose table knows the path (found or wrong method), or whose oauth2
 * metadata document is at that path, takes the request.
 */
public final class ExposureMux implements HttpHandler {

    /**
     * One mounted exposure: its compiled routes, its own chain (auth → routing → … → dispatch), and
     * the oauth2 protected-resource metadata its auth serves outside the routes (or null).
     */
    public record Exposure(String namespace, RouteTable routes, HttpHandler chain, ProtectedResourceMetadata metadata) {

        boolean takes(String method, String path) {
            return (metadata != null && metadata.serves(path)) || routes.resolve(method, path).kind() != Resolution.Kind.NOT_FOUND;
        }
    }

    private final AtomicReference<List<Exposure>> exposures = new AtomicReference<>(List.of());

    public void mount(List<Exposure> next) {
        exposures.set(List.copyOf(next));
    }

    public List<Exposure> mounted() {
        return exposures.get();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        List<Exposure> now = exposures.get();
        if (now.size() == 1) {
            now.get(0).chain().handleRequest(exchange);
            return;
        }
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        for (Exposure e : now) {
            if (e.takes(method, path)) {
                e.chain().handleRequest(exchange);
                return;
            }
        }
        ProblemWriter.send(exchange, Problem.notFound(method, path), RequestState.of(exchange).requestId());
    }
}
