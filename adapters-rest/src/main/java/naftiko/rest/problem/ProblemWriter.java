package naftiko.rest.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;

/** Sends a {@link Problem} as {@code application/problem+json} and ends the exchange. */
public final class ProblemWriter {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemWriter() {}

    /** Call on the exchange's IO thread (or inside a handler); the request id header is already set. */
    public static void send(HttpServerExchange exchange, Problem problem, String requestId) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        byte[] body = render(problem, requestId);
        exchange.setStatusCode(problem.status());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, MEDIA_TYPE);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
        if (Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }

    public static byte[] render(Problem problem, String requestId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", problem.type());
        node.put("title", problem.title());
        node.put("status", problem.status());
        node.put("detail", problem.detail());
        if (requestId != null) node.put("requestId", requestId);
        if (!problem.invalidParams().isEmpty()) {
            ArrayNode names = node.putArray("invalidParams");
            problem.invalidParams().forEach(names::add);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
