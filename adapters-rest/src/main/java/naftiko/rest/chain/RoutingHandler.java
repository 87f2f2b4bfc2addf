package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;
import naftiko.rest.route.Resolution;
import naftiko.rest.route.RouteTable;

/** Routes on the compiled table: 404, 405 with {@code Allow}, {@code OPTIONS} → 204 with {@code Allow}. */
public final class RoutingHandler implements HttpHandler {

    private final RouteTable table;
    private final HttpHandler next;

    public RoutingHandler(RouteTable table, HttpHandler next) {
        this.table = table;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestState state = RequestState.of(exchange);
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        Resolution r = table.resolve(method, path);
        switch (r.kind()) {
            case NOT_FOUND -> ProblemWriter.send(exchange, Problem.notFound(method, path), state.requestId());
            case BAD_PATH -> ProblemWriter.send(exchange,
                    Problem.badRequest("The path has a malformed percent-escape: " + path + "."), state.requestId());
            case METHOD_NOT_ALLOWED -> {
                exchange.getResponseHeaders().put(Headers.ALLOW, r.allow());
                if (Methods.OPTIONS.equals(exchange.getRequestMethod())) {
                    exchange.setStatusCode(204);
                    exchange.endExchange();
                } else {
                    ProblemWriter.send(exchange, Problem.methodNotAllowed(method, path, r.allow()), state.requestId());
                }
            }
            case FOUND -> {
                state.resolution = r;
                next.handleRequest(exchange);
            }
        }
    }
}
