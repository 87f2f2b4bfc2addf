package naftiko.rest.chain;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import naftiko.engine.log.UpstreamTrace;
import naftiko.engine.run.InboundRequest;
import naftiko.rest.inbound.QueryString;
import naftiko.rest.route.Resolution;

/** What the chain learns about one request as it goes, attached to the exchange. */
public final class RequestState {

    static final AttachmentKey<RequestState> KEY = AttachmentKey.create(RequestState.class);

    final String requestId;
    final long startNanos = System.nanoTime();
    final UpstreamTrace upstream = new UpstreamTrace();
    QueryString query;
    Resolution resolution;
    InboundRequest inbound;

    RequestState(String requestId, QueryString query) {
        this.requestId = requestId;
        this.query = query;
    }

    static RequestState of(HttpServerExchange exchange) {
        return exchange.getAttachment(KEY);
    }

    public String requestId() {
        return requestId;
    }

    /** The unit the request was routed to, or null (404, 405, refused before routing). */
    public String unitName() {
        return resolution == null || resolution.route() == null ? null : resolution.route().unit().name();
    }
}
