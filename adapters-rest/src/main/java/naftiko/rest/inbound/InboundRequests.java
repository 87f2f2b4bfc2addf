package naftiko.rest.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import naftiko.engine.run.InboundRequest;
import naftiko.rest.route.Resolution;

/** Builds the engine's {@link InboundRequest} from an Undertow exchange, faithfully. */
public final class InboundRequests {
    private InboundRequests() {}

    /**
     * @param query             the parsed query, inbound credential parameters already removed
     * @param credentialHeaders lower-case names of headers that carry the inbound credential
     */
    public static InboundRequest of(HttpServerExchange exchange, Resolution resolution, QueryString query,
                                    Set<String> credentialHeaders, byte[] body, JsonNode json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            String name = values.getHeaderName().toString().toLowerCase(Locale.ROOT);
            if (credentialHeaders.contains(name)) continue;
            headers.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
        }
        headers.replaceAll((k, v) -> List.copyOf(v));
        Map<String, String> cookies = new LinkedHashMap<>();
        for (Cookie c : exchange.requestCookies()) cookies.putIfAbsent(c.getName(), c.getValue());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return new InboundRequest(
                exchange.getRequestMethod().toString(),
                exchange.getRequestPath(),
                resolution.variables(),
                query.params(),
                query.raw(),
                Collections.unmodifiableMap(headers),
                Collections.unmodifiableMap(cookies),
                body,
                contentType,
                json,
                resolution.pathRemainder());
    }
}
