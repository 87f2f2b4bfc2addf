package naftiko.engine.spec.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * An output of an exposed unit, recursive (SPEC.md §12): mapped ({@code mapping}), mock
 * ({@code value}) or orchestrated (declarative, {@code name} + {@code type}).
 * {@code items} holds one element for mapped arrays and one or more for orchestrated arrays.
 * {@code properties} keeps the file's order.
 */
public record OutputParameter(
        String name,
        String type,
        String mapping,
        String value,
        JsonNode constValue,
        Map<String, OutputParameter> properties,
        List<OutputParameter> items,
        SourcePos pos) {}
