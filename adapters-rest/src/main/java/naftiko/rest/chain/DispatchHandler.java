package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.run.UnitFailure;
import naftiko.rest.outbound.OutcomeWriter;
import naftiko.rest.problem.FailureLog;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;
import org.xnio.XnioIoThread;

/**
 * Last link: invokes the unit and answers from the future's completion. The exchange is
 * dispatched (so Undertow does not end it when the handler returns) onto the same IO thread; the
 * completion writes at once when it runs on the exchange's IO thread (the upstream transport completes
 * there), else hops back to it. No thread waits.
 */
public final class DispatchHandler implements HttpHandler {

    private static final String ADAPTER = "rest";

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        RequestState state = RequestState.of(exchange);
        Unit unit = state.resolution.route().unit();
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            CompletableFuture<Outcome> future;
            try {
                future = unit.invoke(Arguments.of(state.inbound), new CallContext(state.requestId(), ADAPTER, state.upstream));
                if (future == null) future = CompletableFuture.failedFuture(new IllegalStateException("null future"));
            } catch (Throwable t) {
                future = CompletableFuture.failedFuture(t);
            }
            future.whenComplete((outcome, error) -> {
                XnioIoThread io = exchange.getIoThread();
                if (Thread.currentThread() == io) {
                    complete(exchange, state, unit, outcome, error); // the upstream transport completed on this thread
                } else {
                    io.execute(() -> complete(exchange, state, unit, outcome, error));
                }
            });
        });
    }

    private static void complete(HttpServerExchange exchange, RequestState state, Unit unit, Outcome outcome,
                                 Throwable error) {
        try {
            if (error == null && outcome != null) {
                OutcomeWriter.send(exchange, outcome);
                return;
            }
            UnitFailure failure = UnitFailure.of(error == null ? new IllegalStateException("no outcome") : error);
            if (failure.kind().httpStatus() >= 500) {
                FailureLog.log(state.requestId(), exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                        unit.name(), failure);
            }
            ProblemWriter.send(exchange, Problem.of(failure), state.requestId());
        } catch (RuntimeException e) {
            FailureLog.log(state.requestId(), exchange.getRequestMethod().toString(), exchange.getRequestPath(),
                    unit.name(), UnitFailure.of(e));
            exchange.endExchange();
        }
    }
}
