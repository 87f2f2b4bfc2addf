package naftiko.engine.upstream;

import java.util.List;
import java.util.Map;

/**
 * One fully built upstream request, before sending: what dry-run prints and what the client sends.
 *
 * @param url     absolute URL (base URI + encoded path + query)
 * @param headers header name (as sent) → values, in order
 * @param body    body bytes, or null when no body is sent
 */
public record UpstreamRequest(String method, String url, Map<String, List<String>> headers, byte[] body,
                              String contentType) {

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return e.getValue().get(0);
        }
        return null;
    }
}
