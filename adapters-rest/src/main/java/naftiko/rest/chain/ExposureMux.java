package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;
import naftiko.rest.route.RouteTable;
import naftiko.rest.route.TableIndex;

/**
 * The exposures mounted on one server, swapped as a whole by {@link #mount}: a request reads the
 * list once and runs on that snapshot to its end, so a remount never blocks or drops in-flight
 * requests. With one exposure its chain runs directly (authentication before any routing); with
 * several, the first exposure whose table knows the path (found or wrong method), or whose oauth2
 * metadata document is at that path, takes the request (found through one index of every table,
 * so the cost does not grow with the number of exposures).
 */
public final class ExposureMux implements HttpHandler {

    /**
     * One mounted exposure: its compiled routes, its own chain (auth → routing → … → dispatch), and
     * the oauth2 protected-resource metadata its auth serves outside the routes (or null).
     */
    public record Exposure(String namespace, RouteTable routes, HttpHandler chain, ProtectedResourceMetadata metadata) {}

    /** The exposures with the index of their routes, and the positions of those serving a metadata document. */
    private record Mounted(List<Exposure> exposures, TableIndex index, int[] withMetadata) {

        static Mounted of(List<Exposure> exposures) {
            List<RouteTable> tables = new ArrayList<>(exposures.size());
            List<Integer> meta = new ArrayList<>();
            for (int i = 0; i < exposures.size(); i++) {
                tables.add(exposures.get(i).routes());
                if (exposures.get(i).metadata() != null) meta.add(i);
            }
            return new Mounted(List.copyOf(exposures), TableIndex.of(tables), meta.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The first exposure whose routes know the path or whose metadata document is at that path, or null. */
        Exposure taking(String path) {
            int first = index.first(path);
            for (int m : withMetadata) {
                if (first >= 0 && m > first) break;
                if (exposures.get(m).metadata().serves(path)) return exposures.get(m);
            }
            return first < 0 ? null : exposures.get(first);
        }
    }

    private final AtomicReference<Mounted> exposures = new AtomicReference<>(Mounted.of(List.of()));

    public void mount(List<Exposure> next) {
        exposures.set(Mounted.of(next));
    }

    public List<Exposure> mounted() {
        return exposures.get().exposures();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        Mounted now = exposures.get();
        if (now.exposures().size() == 1) {
            now.exposures().get(0).chain().handleRequest(exchange);
            return;
        }
        String path = exchange.getRequestPath();
        Exposure e = now.taking(path);
        if (e != null) {
            e.chain().handleRequest(exchange);
            return;
        }
        String method = exchange.getRequestMethod().toString();
        ProblemWriter.send(exchange, Problem.notFound(method, path), RequestState.of(exchange).requestId());
    }
}
