package naftiko.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A step-context path {@code $.step.field.sub} (SPEC.md §10.4): the first segment names a step,
 * the rest are plain field names. Not JsonPath: no indices, filters or wildcards.
 */
public final class StepPath {
    private final String step;
    private final List<String> fields;

    private StepPath(String step, List<String> fields) {
        this.step = step;
        this.fields = fields;
    }

    /** @throws IllegalArgumentException when {@code source} does not start with {@code $.} */
    public static StepPath compile(String source) {
        if (source == null || !source.startsWith("$.") || source.length() < 3) {
            throw new IllegalArgumentException("a step path starts with $. and names a step: '" + source + "'");
        }
        String[] parts = source.substring(2).split("\\.");
        return new StepPath(parts[0], Arrays.asList(parts).subList(1, parts.length));
    }

    public String step() {
        return step;
    }

    /** Null when the step or a field is absent. */
    public JsonNode evaluate(Map<String, JsonNode> stepOutputs) {
        JsonNode cur = stepOutputs.get(step);
        for (String f : fields) {
            if (cur == null || !cur.isObject()) return null;
            cur = cur.get(f);
        }
        return cur;
    }
}
