package naftiko.rest.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.Set;
import naftiko.engine.run.Unit;
import naftiko.rest.inbound.InboundRequests;
import naftiko.rest.inbound.MediaTypes;
import naftiko.rest.problem.Problem;
import naftiko.rest.problem.ProblemWriter;

/**
 * Reads the body with Undertow's asynchronous receiver on the IO thread (413 beyond the limit),
 * checks its media type against what the unit takes (415), parses JSON once (400 when invalid)
 * and hands a faithful {@code InboundRequest} to the next link.
 */
public final class BodyHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final long maxBodyBytes;
    private final Set<String> credentialHeaders;
    private final HttpHandler next;

    public BodyHandler(long maxBodyBytes, Set<String> credentialHeaders, HttpHandler next) {
        this.maxBodyBytes = maxBodyBytes;
        this.credentialHeaders = credentialHeaders;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        RequestState state = RequestState.of(exchange);
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBodyBytes))); // 0 would mean unlimited
        receiver.receiveFullBytes((ex, body) -> received(ex, state, body), (ex, e) -> failed(ex, state, e));
    }

    private void received(HttpServerExchange exchange, RequestState state, byte[] body) {
        Unit unit = state.resolution.route().unit();
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        JsonNode json = null;
        if (body.length > 0) {
            boolean declaredJson = MediaTypes.isJson(contentType);
            if (!declaredJson && contentType != null && unit.consumesJsonBody()) {
                ProblemWriter.send(exchange, Problem.unsupportedMediaType(contentType), state.requestId());
                return;
            }
            // Without a Content-Type, a unit that takes JSON still gets its body read as JSON.
            if (declaredJson || (contentType == null && unit.consumesJsonBody())) {
                try {
                    json = JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    Problem p = declaredJson
                            ? Problem.invalidJson("line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr())
                            : Problem.unsupportedMediaType("(none)");
                    ProblemWriter.send(exchange, p, state.requestId());
                    return;
                } catch (IOException e) {
                    ProblemWriter.send(exchange, Problem.invalidJson("unreadable"), state.requestId());
                    return;
                }
            }
        }
        state.inbound = InboundRequests.of(exchange, state.resolution, state.query, credentialHeaders, body, json);
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void failed(HttpServerExchange exchange, RequestState state, IOException e) {
        if (e instanceof Receiver.RequestToLargeException) {
            exchange.setPersistent(false); // the rest of the body is not read
            ProblemWriter.send(exchange, Problem.payloadTooLarge(maxBodyBytes), state.requestId());
        } else {
            exchange.setPersistent(false);
            exchange.endExchange(); // the client went away mid-body; nobody is left to answer
        }
    }
}
