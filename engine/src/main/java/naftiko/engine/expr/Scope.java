package naftiko.engine.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Names visible to a template. Lookup of {@code a.b}: the literal key first, then {@code a} and
 * the field {@code b} inside it (step outputs, {@code env.POSTHOG_API_KEY}).
 */
@FunctionalInterface
public interface Scope {

    /** The value, or null when the name is not in scope. */
    JsonNode lookup(String name);

    Scope EMPTY = name -> null;

    static Scope of(Map<String, JsonNode> values) {
        return name -> {
            JsonNode v = values.get(name);
            if (v != null) return v;
            int dot = name.indexOf('.');
            while (dot > 0) {
                JsonNode head = values.get(name.substring(0, dot));
                if (head != null) {
                    JsonNode cur = head;
                    for (String part : name.substring(dot + 1).split("\\.")) {
                        cur = cur == null ? null : cur.get(part);
                    }
                    if (cur != null) return cur;
                }
                dot = name.indexOf('.', dot + 1);
            }
            return null;
        };
    }

    /** This scope first, then {@code next}. */
    default Scope then(Scope next) {
        return name -> {
            JsonNode v = lookup(name);
            return v != null ? v : next.lookup(name);
        };
    }
}
