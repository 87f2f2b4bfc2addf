package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a table's header cells into unique keys and data cells into row objects (html, markdown). */
final class TableHeaders {
    private TableHeaders() {}

    /** Blank headers become {@code column<N>} (1-based); a repeated header gets {@code _2}, {@code _3}… */
    static List<String> of(List<String> cells) {
        List<String> keys = new ArrayList<>(cells.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String base = cells.get(i).isEmpty() ? "column" + (i + 1) : cells.get(i);
            String key = base;
            for (int n = 2; !seen.add(key); n++) {
                key = base + "_" + n;
            }
            keys.add(key);
        }
        return keys;
    }

    /** Cells beyond the headers get {@code column<N>} keys; missing trailing cells are absent. */
    static ObjectNode row(List<String> headers, List<String> cells) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String key = i < headers.size() ? headers.get(i) : "column" + (i + 1);
            if (!row.has(key)) {
                row.put(key, cells.get(i));
            }
        }
        return row;
    }
}
