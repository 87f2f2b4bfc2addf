package naftiko.rest.chain;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.SameThreadExecutor;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.auth.oauth.ProtectedResourceMetadata;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;

/**
 * Inbound authentication of the whole exposure (SPEC.md §13.2), before routing so that an
 * unauthenticated client learns nothing about the routes. On success the credential query
 * parameters are removed from the request the engine will see. With oauth2 the RFC 9728
 * protected-resource metadata is served here without authentication, and a verdict that waits
 * for the authorization server's keys resumes the exchange when it completes.
 */
public final class AuthHandler implements HttpHandler {

    private final InboundAuth auth;
    private final HttpHandler next;
    private final ProtectedResourceMetadata metadata;

    public AuthHandler(InboundAuth auth, HttpHandler next) {
        this.auth = auth;
        this.next = next;
        this.metadata = auth.protectedResourceMetadata();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        RequestState state = RequestState.of(exchange);
        if (metadata != null && metadata.serves(exchange.getRequestPath())
                && (Methods.GET.equals(exchange.getRequestMethod()) || Methods.HEAD.equals(exchange.getRequestMethod()))) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, metadata.body().length);
            if (Methods.HEAD.equals(exchange.getRequestMethod())) exchange.endExchange();
            else exchange.getResponseSender().send(ByteBuffer.wrap(metadata.body()));
            return;
        }
        CompletableFuture<InboundAuth.Verdict> pending = auth.checkAsync(
                name -> exchange.getRequestHeaders().getFirst(name), state.query::first);
        if (pending.isDone()) {
            proceed(exchange, state, pending.join());
            return;
        }
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> pending.whenComplete((verdict, failure) ->
                Connectors.executeRootHandler(ex -> proceed(ex, state, verdict), exchange)));
    }

    private void proceed(HttpServerExchange exchange, RequestState state, InboundAuth.Verdict verdict) throws Exception {
        if (!verdict.accepted()) {
            if (verdict.challenge() != null) exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, verdict.challenge());
            Problem problem = switch (verdict.status()) {
                case 403 -> new Problem(403, "insufficient-scope", "Forbidden",
                        "Authorization failed: " + verdict.reason() + ".", List.of());
                case 503 -> new Problem(503, "authentication-unavailable", "Service Unavailable",
                        "Authentication cannot be checked now: " + verdict.reason() + ".", List.of());
                default -> Problem.unauthorized(verdict.reason());
            };
            ProblemWriter.send(exchange, problem, state.requestId());
            return;
        }
        state.query = state.query.without(auth.credentialQueryParameters());
        next.handleRequest(exchange);
    }
}
