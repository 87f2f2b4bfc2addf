package naftiko.rest.route;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of several route tables (the exposures sharing one port, in mounting order) knows a path,
 * found with one walk of one {@link SegmentTrie} holding every table's templates: the cost does not
 * grow with the number of tables. "Knows" is what {@link RouteTable#resolve} says when it does not
 * answer NOT_FOUND: a resource matches the path (whatever the method), or the path without one
 * trailing slash; a malformed percent-escape is known to every table.
 */
public final class TableIndex {

    private final int tables;
    private final SegmentTrie<Integer> index = new SegmentTrie<>();

    private TableIndex(List<RouteTable> tables) {
        this.tables = tables.size();
        for (int i = 0; i < tables.size(); i++) {
            Integer position = i;
            for (PathTemplate t : tables.get(i).templates()) index.add(t, position);
        }
    }

    public static TableIndex of(List<RouteTable> tables) {
        return new TableIndex(tables);
    }

    /** The position of the first table that knows {@code rawPath} (percent-encoded, as received), or -1. */
    public int first(String rawPath) {
        if (tables == 0) return -1;
        String[] decoded = RouteTable.decode(RouteTable.splitSegments(rawPath));
        if (decoded == null) return 0;
        List<Integer> hits = new ArrayList<>(4);
        index.collect(decoded, hits);
        // A table that has no route for the exact path retries it without one trailing slash.
        if (rawPath.length() > 1 && rawPath.endsWith("/")) {
            String[] shorter = RouteTable.decode(RouteTable.splitSegments(rawPath.substring(0, rawPath.length() - 1)));
            if (shorter != null) index.collect(shorter, hits);
        }
        int first = -1;
        for (int h : hits) if (first < 0 || h < first) first = h;
        return first;
    }
}
