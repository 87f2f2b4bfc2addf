package naftiko.rest.outbound;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.Outcome;

/** Writes an {@link Outcome}: its status, content type, relayed headers and bytes exactly as given. */
public final class OutcomeWriter {
    private OutcomeWriter() {}

    /** Call on the exchange's IO thread; ends the exchange. */
    public static void send(HttpServerExchange exchange, Outcome outcome) {
        HeaderMap out = exchange.getResponseHeaders();
        boolean reshaped = outcome.json() != null;
        for (Map.Entry<String, List<String>> h : outcome.headers().entrySet()) {
            if (!RelayedHeaders.relay(h.getKey(), reshaped)) continue;
            HttpString name = HttpString.tryFromString(h.getKey());
            out.remove(name);
            out.addAll(name, h.getValue());
        }
        exchange.setStatusCode(outcome.status());
        byte[] body = outcome.body();
        boolean bodyless = outcome.status() == 204 || outcome.status() == 304 || outcome.status() < 200;
        if (!bodyless) {
            String type = outcome.contentType();
            if (type == null && body.length > 0) type = "application/octet-stream";
            if (type != null) out.put(Headers.CONTENT_TYPE, type);
            out.put(Headers.CONTENT_LENGTH, body.length);
        }
        if (bodyless || body.length == 0 || Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.endExchange();
        } else {
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }
    }
}
