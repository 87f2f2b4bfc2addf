package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the REST adapter received it, already routed.
 *
 * @param method        upper-case method
 * @param path          the request path as received (percent-encoded)
 * @param pathVariables route variables by their name in the exposed path template (decoded)
 * @param query         decoded query parameters in arrival order
 * @param rawQuery      the query string as received, without {@code ?}, or null
 * @param headers       headers, names lower-cased, inbound credentials already removed
 * @param cookies       cookies by name
 * @param body          the raw body bytes (empty array when none)
 * @param contentType   the {@code Content-Type} header, or null
 * @param jsonBody      the body parsed once as JSON when it is JSON, else null
 * @param pathRemainder for forward routes: the part matched by a {@code {path}} variable, else null
 */
public record InboundRequest(
        String method,
        String path,
        Map<String, String> pathVariables,
        Map<String, List<String>> query,
        String rawQuery,
        Map<String, List<String>> headers,
        Map<String, String> cookies,
        byte[] body,
        String contentType,
        JsonNode jsonBody,
        String pathRemainder) {

    public String firstQuery(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String firstHeader(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
