package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import naftiko.engine.bind.Redactor;
import naftiko.engine.upstream.EngineVersion;
import naftiko.engine.upstream.UpstreamRequest;

/**
 * What a dry run answers instead of calling: {@code {"dryRun":true,"method","url","headers","body"}}
 * describing the exact request, with every bind value and every credential shown as {@code ***}.
 */
final class DryRunReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DryRunReport() {}

    static ObjectNode describe(UpstreamRequest r, Redactor redactor, List<String> credentialHeaders, String requestId) {
        Set<String> extra = new HashSet<>();
        credentialHeaders.forEach(h -> extra.add(h.toLowerCase(Locale.ROOT)));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("dryRun", true);
        o.put("method", r.method());
        o.put("url", redactor.redact(r.url()));
        ObjectNode h = o.putObject("headers");
        h.put("User-Agent", "naftiko/" + EngineVersion.current());
        if (requestId != null && !requestId.isBlank()) h.put("X-Request-Id", requestId);
        for (Map.Entry<String, List<String>> e : r.headers().entrySet()) {
            h.put(e.getKey(), redactor.redactHeader(e.getKey(), String.join(", ", e.getValue()), extra));
        }
        if (r.body() == null) {
            o.putNull("body");
        } else {
            String text = redactor.redact(new String(r.body(), StandardCharsets.UTF_8));
            JsonNode parsed = null;
            if (r.contentType() != null && r.contentType().toLowerCase(Locale.ROOT).contains("json")) {
                try {
                    parsed = JSON.readTree(text);
                } catch (IOException ignored) {
                    // shown as text
                }
            }
            if (parsed != null) o.set("body", parsed);
            else o.put("body", text);
        }
        return o;
    }
}
