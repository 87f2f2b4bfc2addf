package naftiko.engine.expr;

import java.util.Locale;
import java.util.Map;

/**
 * Parameter-name matching across layers (REAL-WORLD item 9): the exact name first, then the
 * normalised name (lower-case, {@code -} read as {@code _}), so {@code task-id} finds {@code task_id}.
 */
public final class Names {
    private Names() {}

    public static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** The value under {@code name}, else under a key with the same normalised name, else null. */
    public static <T> T find(Map<String, T> map, String name) {
        T exact = map.get(name);
        if (exact != null) return exact;
        String n = normalise(name);
        for (Map.Entry<String, T> e : map.entrySet()) {
            if (e.getValue() != null && normalise(e.getKey()).equals(n)) return e.getValue();
        }
        return null;
    }
}
