package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import naftiko.engine.run.UnitFailure;
import naftiko.rest.problem.FailureLog;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;

/**
 * Renders whatever escapes the inner links synchronously as a 500 problem (logged once, without
 * the exception message). Asynchronous stages render their own problems through {@link ProblemWriter}.
 */
public final class ProblemHandler implements HttpHandler {

    private final HttpHandler next;

    public ProblemHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable t) {
            RequestState state = RequestState.of(exchange);
            String id = state == null ? null : state.requestId();
            FailureLog.log(id, exchange.getRequestMethod().toString(), exchange.getRequestPath(), null,
                    UnitFailure.of(t));
            ProblemWriter.send(exchange, Problem.internal(), id);
        }
    }
}
