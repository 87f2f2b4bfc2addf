package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.Suggest;
import naftiko.engine.spec.model.SourcePos;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read field by field. Every getter reports wrong types at the offending value and
 * remembers the field as known, so {@link #unknownFields()} can name the ones nobody asked for
 * (with a {@code did you mean} hint drawn from the known ones).
 */
public final class YamlMap {
    private final MappingNode node;
    private final Report report;
    private String what;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    private YamlMap(MappingNode node, Report report, String what) {
        this.node = node;
        this.report = report;
        this.what = what;
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                report.error(Rules.WRONG_TYPE, "a key in " + what + " is not a plain name", null, report.pos(t.getKeyNode()));
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                report.error(Rules.DUPLICATE_KEY, "duplicate key '" + key.getValue() + "' in " + what,
                        "the first one (line " + report.pos(entries.get(key.getValue()).getKeyNode()).line() + ") is used; remove one",
                        report.pos(key));
                continue;
            }
            entries.put(key.getValue(), t);
        }
    }

    /** The mapping at {@code n}, or null (after reporting) when {@code n} is something else. */
    public static YamlMap of(Node n, Report report, String what) {
        if (n instanceof MappingNode m) return new YamlMap(m, report, what);
        report.error(Rules.WRONG_TYPE, what + " must be a mapping (key: value), got " + Nodes.describe(n), null, report.pos(n));
        return null;
    }

    public String what() {
        return what;
    }

    /** Names this mapping better once its name is known (for later messages). */
    public void rename(String what) {
        if (what != null) this.what = what;
    }

    public Report report() {
        return report;
    }

    public SourcePos pos() {
        return report.pos(node);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** Position of the value of {@code key}, or of this mapping when absent. */
    public SourcePos pos(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : report.pos(t.getValueNode());
    }

    public SourcePos keyPos(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? pos() : report.pos(t.getKeyNode());
    }

    /** Marks fields as known without reading them. */
    public void known(String... keys) {
        known.addAll(List.of(keys));
    }

    /** Present and not null. */
    public boolean has(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        return t != null && !Nodes.isNull(t.getValueNode());
    }

    public Node node(String key) {
        known.add(key);
        NodeTuple t = entries.get(key);
        return t == null || Nodes.isNull(t.getValueNode()) ? null : t.getValueNode();
    }

    public String string(String key) {
        Node n = node(key);
        if (n == null) return null;
        if (n instanceof ScalarNode s) return s.getValue();
        report.error(Rules.WRONG_TYPE, "'" + key + "' in " + what + " must be a string, got " + Nodes.describe(n), null, report.pos(n));
        return null;
    }

    public String requiredString(String key) {
        String s = string(key);
        if (s == null && !entries.containsKey(key)) missing(key);
        else if (s == null && Nodes.isNull(entries.get(key).getValueNode())) missing(key);
        return s;
    }

    public void missing(String key) {
        report.error(Rules.REQUIRED_FIELD, what + " is missing required field '" + key + "'", null, pos());
    }

    /** A string restricted to {@code allowed}; reports other values with a hint. */
    public String oneOf(String key, Collection<String> allowed) {
        String s = string(key);
        if (s != null && !allowed.contains(s)) {
            String hint = Suggest.didYouMean(s, allowed);
            report.error(Rules.INVALID_VALUE, "'" + key + "' in " + what + " is '" + s + "'; expected one of " + String.join(", ", allowed),
                    hint, pos(key));
        }
        return s;
    }

    public Integer integer(String key, int min, int max) {
        Node n = node(key);
        if (n == null) return null;
        if (n instanceof ScalarNode s) {
            String text = s.getValue().trim();
            try {
                long v = Long.parseLong(text);
                if (v < min || v > max) {
                    report.error(Rules.INVALID_VALUE, "'" + key + "' in " + what + " is " + v + "; expected an integer from " + min + " to " + max,
                            null, report.pos(n));
                    return null;
                }
                if (!Tag.INT.equals(s.getTag())) {
                    report.leniency(Rules.SCALAR_TYPE, "'" + key + "' in " + what + " is the string '" + text + "'; read as the integer " + v,
                            "write it without quotes", report.pos(n));
                }
                return (int) v;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        report.error(Rules.WRONG_TYPE, "'" + key + "' in " + what + " must be an integer, got " + Nodes.describe(n), null, report.pos(n));
        return null;
    }

    public Boolean bool(String key) {
        Node n = node(key);
        if (n == null) return null;
        if (n instanceof ScalarNode s) {
            String text = s.getValue().trim().toLowerCase();
            if (text.equals("true") || text.equals("false")) {
                if (!Tag.BOOL.equals(s.getTag())) {
                    report.leniency(Rules.SCALAR_TYPE, "'" + key + "' in " + what + " is the string '" + s.getValue() + "'; read as a boolean",
                            "write it without quotes", report.pos(n));
                }
                return text.equals("true");
            }
        }
        report.error(Rules.WRONG_TYPE, "'" + key + "' in " + what + " must be true or false, got " + Nodes.describe(n), null, report.pos(n));
        return null;
    }

    public YamlMap map(String key, String childWhat) {
        Node n = node(key);
        return n == null ? null : of(n, report, childWhat);
    }

    /** The raw elements of a list field (empty when absent; reported when not a list). */
    public List<Node> list(String key) {
        Node n = node(key);
        if (n == null) return List.of();
        if (n instanceof SequenceNode seq) return seq.getValue();
        report.error(Rules.WRONG_TYPE, "'" + key + "' in " + what + " must be a list, got " + Nodes.describe(n),
                n instanceof MappingNode ? "start each entry with '- '" : null, report.pos(n));
        return List.of();
    }

    /** A list of mappings, each read by {@code reader} (null results are dropped). */
    public <T> List<T> maps(String key, Function<YamlMap, T> reader, Function<Integer, String> childWhat) {
        List<T> out = new ArrayList<>();
        List<Node> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            YamlMap m = of(items.get(i), report, childWhat.apply(i));
            if (m == null) continue;
            T t = reader.apply(m);
            if (t != null) out.add(t);
        }
        return List.copyOf(out);
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        Node n = node(key);
        if (n instanceof ScalarNode s) {
            report.error(Rules.WRONG_TYPE, "'" + key + "' in " + what + " must be a list of strings, got " + Nodes.describe(n), null, report.pos(n));
            return List.of();
        }
        for (Node item : list(key)) {
            if (item instanceof ScalarNode s && !Nodes.isNull(s)) out.add(s.getValue());
            else report.error(Rules.WRONG_TYPE, "entries of '" + key + "' in " + what + " must be strings, got " + Nodes.describe(item),
                    null, report.pos(item));
        }
        return List.copyOf(out);
    }

    /** The key/value pairs of a mapping field, in file order (empty when absent). */
    public List<NodeTuple> pairs(String key) {
        Node n = node(key);
        if (n == null) return List.of();
        YamlMap m = of(n, report, "'" + key + "' in " + what);
        if (m == null) return List.of();
        return List.copyOf(m.entries.values());
    }

    /** After a fatal problem with this mapping: report nothing more about its fields. */
    public void unknownFieldsIgnoringAll() {
        known.addAll(entries.keySet());
    }

    /** Reports every field no getter asked for, as one leniency warning each. */
    public void unknownFields() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (known.contains(e.getKey())) continue;
            String hint = Suggest.didYouMean(e.getKey(), known);
            report.leniency(Rules.UNKNOWN_FIELD, "unknown field '" + e.getKey() + "' in " + what + " (ignored)",
                    hint, report.pos(e.getValue().getKeyNode()));
        }
    }
}
