package naftiko.engine.shape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.expr.MissingVariableException;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.ValueText;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.UnitFailure;
import naftiko.engine.shape.format.FormatDecoder;
import naftiko.engine.spec.model.OutputParameter;
import naftiko.engine.upstream.UpstreamResponse;

/**
 * Turns an upstream response into the unit's {@link Outcome}, per the unit's output parameters.
 * Whole-body pass-through ({@code mapping: $}, nothing to reshape, JSON format) relays the raw
 * bytes, content type and status untouched, whatever the body is (REAL-WORLD items 5, 18).
 * Otherwise the body is decoded ({@link FormatDecoder}) and the first output that yields a node
 * wins (SPEC.md §12.4); when none does, the raw body is relayed.
 */
public final class OutputShaper {
    private final List<OutputShape> outputs;
    private final String format;
    private final String formatSchema;
    private final Path baseDir;

    private OutputShaper(List<OutputShape> outputs, String format, String formatSchema, Path baseDir) {
        this.outputs = outputs;
        this.format = format;
        this.formatSchema = formatSchema;
        this.baseDir = baseDir;
    }

    public static OutputShaper compile(List<OutputParameter> outputs, String outputRawFormat, String outputSchema, Path baseDir) {
        return new OutputShaper(outputs == null ? List.of() : outputs.stream().map(OutputShape::compile).toList(),
                outputRawFormat, outputSchema, baseDir);
    }

    private boolean isJsonFormat() {
        return format == null || format.toLowerCase(Locale.ROOT).equals("json");
    }

    /** True when the unit relays the upstream body unchanged. */
    public boolean isPassThrough() {
        return isJsonFormat() && (outputs.isEmpty() || outputs.get(0).isWholeBodyPassThrough());
    }

    /** JSON Schema of a typed result, or null when the unit relays the body. */
    public ObjectNode outputSchema() {
        if (isPassThrough() || outputs.isEmpty() || !outputs.get(0).isTyped()) return null;
        return outputs.get(0).schema();
    }

    public Outcome shape(UpstreamResponse r, Scope inputs) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        if (isPassThrough()) return raw(r, headers);
        if (r.body().length == 0) return raw(r, headers);
        JsonNode root;
        try {
            root = FormatDecoder.decode(format, r.body(), formatSchema, baseDir);
        } catch (FormatDecoder.FormatException e) {
            if (r.status() >= 400) return raw(r, headers);
            throw new UnitFailure(UnitFailure.Kind.UPSTREAM_PROTOCOL, e.getMessage());
        }
        if (outputs.isEmpty()) return json(r.status(), root, headers);
        for (OutputShape o : outputs) {
            JsonNode v;
            try {
                v = o.apply(root, inputs);
            } catch (MissingVariableException e) {
                throw new UnitFailure(UnitFailure.Kind.BAD_INPUT, "output value needs '" + e.variable() + "', which has no value",
                        List.of(e.variable()));
            }
            if (v != null) return json(r.status(), v, headers);
        }
        return raw(r, headers);
    }

    private static Outcome raw(UpstreamResponse r, Map<String, List<String>> headers) {
        headers.remove("content-type");
        String ct = r.contentType();
        if (ct == null && r.body().length > 0) ct = "application/octet-stream";
        return Outcome.raw(r.status(), ct, r.body(), headers);
    }

    static Outcome json(int status, JsonNode node, Map<String, List<String>> headers) {
        headers.remove("content-type");
        headers.remove("etag");
        return new Outcome(status, Outcome.APPLICATION_JSON,
                ValueText.json(node).getBytes(java.nio.charset.StandardCharsets.UTF_8), node, headers);
    }

    /** Mock mode (SPEC.md §11.5): an object of the outputs' values, named by {@code name} (else "value"). */
    public static ObjectNode mock(List<OutputShape> outputs, Scope inputs) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (OutputShape s : outputs) {
            JsonNode v = s.apply(null, inputs);
            if (v != null && !(v.isObject() && v.isEmpty())) o.set(s.name() == null ? "value" : s.name(), v);
        }
        return o;
    }
}
