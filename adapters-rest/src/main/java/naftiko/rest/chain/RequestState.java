package naftiko.rest.chain;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import naftiko.engine.run.InboundRequest;
import naftiko.rest.inbound.QueryString;
import naftiko.rest.route.Resolution;

/** What the chain learns about one request as it goes, attached to the exchange. */
public final class RequestState {

    static final AttachmentKey<RequestState> KEY = AttachmentKey.create(RequestState.class);

    final String requestId;
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
}
