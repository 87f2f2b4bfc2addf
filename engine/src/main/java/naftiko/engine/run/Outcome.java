package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The result of a unit. Either a shaped JSON tree ({@code json} set) or raw bytes relayed from the
 * upstream unchanged ({@code json} null, {@code body} set, fast path: no parse, no re-serialise).
 *
 * @param status      HTTP-like status (the upstream status when there was one)
 * @param contentType media type of {@code body}; {@code application/json} for shaped results
 * @param body        the bytes to send; for shaped results, the serialised {@code json}
 * @param json        the shaped tree, or null for raw pass-through
 * @param headers     upstream response headers worth relaying (names lower-cased); adapters filter
 */
public record Outcome(int status, String contentType, byte[] body, JsonNode json, Map<String, List<String>> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String APPLICATION_JSON = "application/json";

    public Outcome {
        body = body == null ? new byte[0] : body;
        headers = headers == null ? Map.of() : headers;
    }

    public static Outcome json(int status, JsonNode json) {
        try {
            return new Outcome(status, APPLICATION_JSON, JSON.writeValueAsBytes(json), json, Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Outcome raw(int status, String contentType, byte[] body, Map<String, List<String>> headers) {
        return new Outcome(status, contentType, body, null, headers);
    }

    public boolean isError() {
        return status >= 400;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON: the shaped tree, or the raw body parsed when it is JSON; else null. */
    public JsonNode jsonOrNull() {
        if (json != null) return json;
        if (body.length == 0) return null;
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
