package naftiko.rest.chain;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.regex.Pattern;
import naftiko.engine.log.EventLog;
import naftiko.engine.log.RequestIds;
import naftiko.rest.inbound.QueryString;

/**
 * First link: gives every request an id (the inbound {@code X-Request-Id} when it is sane, else a
 * fresh UUID), sets it on the response before anything else can answer, and parses the query once.
 * When the exchange completes it writes the request's log line (path without the query string,
 * which may carry credentials).
 */
public final class RequestIdHandler implements HttpHandler {

    public static final HttpString HEADER = new HttpString("X-Request-Id");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final HttpHandler next;

    public RequestIdHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String inbound = exchange.getRequestHeaders().getFirst(HEADER);
        String id = inbound != null && SANE.matcher(inbound).matches() ? inbound : RequestIds.fresh();
        exchange.getResponseHeaders().put(HEADER, id);
        RequestState state = new RequestState(id, QueryString.parse(exchange.getQueryString()));
        exchange.putAttachment(RequestState.KEY, state);
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                EventLog.request(id, "rest", state.unitName(), ex.getRequestMethod().toString(), ex.getRequestPath(),
                        Integer.toString(ex.getStatusCode()), state.upstream.lastStatus(), System.nanoTime() - state.startNanos);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
