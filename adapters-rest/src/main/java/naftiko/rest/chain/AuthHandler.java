package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import naftiko.engine.auth.InboundAuth;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;

/**
 * Inbound authentication of the whole exposure (SPEC.md §13.2), before routing so that an
 * unauthenticated client learns nothing about the routes. On success the credential query
 * parameters are removed from the request the engine will see.
 */
public final class AuthHandler implements HttpHandler {

    private final InboundAuth auth;
    private final HttpHandler next;

    public AuthHandler(InboundAuth auth, HttpHandler next) {
        this.auth = auth;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestState state = RequestState.of(exchange);
        InboundAuth.Verdict verdict = auth.check(
                name -> exchange.getRequestHeaders().getFirst(name), state.query::first);
        if (!verdict.accepted()) {
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, verdict.challenge());
            ProblemWriter.send(exchange, Problem.unauthorized(verdict.reason()), state.requestId());
            return;
        }
        state.query = state.query.without(auth.credentialQueryParameters());
        next.handleRequest(exchange);
    }
}
