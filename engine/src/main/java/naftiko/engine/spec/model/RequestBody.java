package naftiko.engine.spec.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request body template (SPEC.md §5.7). {@code kind} is {@code raw} for a plain string, else the
 * written {@code type}: json, text, xml, sparql, formUrlEncoded, multipartForm.
 * {@code data} is the string, object, array or list of parts as written.
 */
public record RequestBody(String kind, JsonNode data, SourcePos pos) {
    public boolean isRaw() {
        return "raw".equals(kind);
    }
}
