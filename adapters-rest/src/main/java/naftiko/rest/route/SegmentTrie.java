package naftiko.rest.route;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Path templates indexed segment by segment, built once at mount: finding every template a path
 * matches costs one hash lookup per literal segment (plus the placeholder branches actually present
 * at that position), whatever the number of templates. Each template is stored with a value; the
 * caller orders the values it gets back (see {@link RouteTable}).
 */
final class SegmentTrie<T> {

    private final Node<T> root = new Node<>();

    void add(PathTemplate template, T value) {
        Node<T> at = root;
        for (PathTemplate.Segment s : template.segments()) {
            switch (s.kind) {
                case LITERAL -> at = at.literal(s.literal);
                case VARIABLE -> at = at.variable();
                case MIXED -> at = at.mixed(s);
                case REST -> {
                    at.rest.add(value); // the rest of the path, even nothing, from this position on
                    return;
                }
            }
        }
        at.ends.add(value);
    }

    /** Adds to {@code out} the value of every template matching these decoded segments. */
    void collect(String[] segments, List<T> out) {
        collect(root, segments, 0, out);
    }

    private static <T> void collect(Node<T> node, String[] segments, int i, List<T> out) {
        if (!node.rest.isEmpty()) out.addAll(node.rest);
        if (i == segments.length) {
            if (!node.ends.isEmpty()) out.addAll(node.ends);
            return;
        }
        String s = segments[i];
        Node<T> literal = node.literals.get(s);
        if (literal != null) collect(literal, segments, i + 1, out);
        for (Mixed<T> m : node.mixed) if (m.segment.matchesText(s)) collect(m.node, segments, i + 1, out);
        if (node.variable != null && !s.isEmpty()) collect(node.variable, segments, i + 1, out);
    }

    private static final class Node<T> {
        Map<String, Node<T>> literals = Map.of();
        Node<T> variable;
        final List<Mixed<T>> mixed = new ArrayList<>(0);
        final List<T> ends = new ArrayList<>(1);
        final List<T> rest = new ArrayList<>(0);

        Node<T> literal(String text) {
            if (literals.isEmpty()) literals = new HashMap<>(4);
            return literals.computeIfAbsent(text, k -> new Node<>());
        }

        /** Whole-segment placeholders all match the same (any non-empty segment): one branch for all names. */
        Node<T> variable() {
            if (variable == null) variable = new Node<>();
            return variable;
        }

        Node<T> mixed(PathTemplate.Segment segment) {
            for (Mixed<T> m : mixed) if (m.segment.display().equals(segment.display())) return m.node;
            Mixed<T> m = new Mixed<>(segment, new Node<>());
            mixed.add(m);
            return m.node;
        }
    }

    private record Mixed<T>(PathTemplate.Segment segment, Node<T> node) {}
}
