package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import naftiko.engine.expr.InputReference;
import naftiko.engine.expr.MissingVariableException;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.Template;
import naftiko.engine.spec.model.WithEntry;

/**
 * A compiled {@code with} injector (SPEC.md §10.9, §10.2): each entry is a reference to an input
 * of the unit, a template, or a literal. An absent reference or a template missing a value leaves
 * the key unset (the consumed parameter is then omitted, or reported missing when required).
 */
final class WithMerge {
    record Entry(String key, String reference, Template template, JsonNode literal) {}

    private final List<Entry> entries;

    private WithMerge(List<Entry> entries) {
        this.entries = entries;
    }

    static WithMerge compile(List<WithEntry> with, List<String> prefixes) {
        List<Entry> out = new ArrayList<>();
        if (with != null) {
            for (WithEntry w : with) {
                Object v = w.value();
                if (v instanceof Number n) {
                    out.add(new Entry(w.key(), null, null, JsonNodeFactory.instance.numberNode(new BigDecimal(n.toString()))));
                } else if (v instanceof Boolean b) {
                    out.add(new Entry(w.key(), null, null, JsonNodeFactory.instance.booleanNode(b)));
                } else {
                    String s = v == null ? "" : v.toString();
                    String ref = InputReference.parse(s, prefixes);
                    if (ref != null) {
                        out.add(new Entry(w.key(), ref, null, null));
                    } else {
                        Template t = Template.compile(s);
                        out.add(t.isConstant() ? new Entry(w.key(), null, null, JsonNodeFactory.instance.textNode(s))
                                : new Entry(w.key(), null, t, null));
                    }
                }
            }
        }
        return new WithMerge(out);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The key fed by a reference to {@code input}, else null. */
    String keyReferencing(String input) {
        for (Entry e : entries) if (input.equals(e.reference())) return e.key();
        return null;
    }

    /**
     * @param locationOf for a {@code with} key, where a REST call mirrors the referenced input from
     */
    Map<String, JsonNode> apply(InputSource src, Map<String, JsonNode> base, Function<String, String> locationOf, Scope binds) {
        Map<String, JsonNode> out = new LinkedHashMap<>(base);
        for (Entry e : entries) {
            if (e.reference() != null) {
                JsonNode v = src.get(e.reference(), locationOf.apply(e.key()));
                if (v != null) out.put(e.key(), v);
            } else if (e.template() != null) {
                String sole = e.template().soleVariable();
                Scope scope = Scope.of(base).then(binds);
                if (sole != null) {
                    JsonNode v = scope.lookup(sole);
                    if (v != null && !v.isNull()) out.put(e.key(), v);
                    continue;
                }
                try {
                    out.put(e.key(), JsonNodeFactory.instance.textNode(e.template().render(scope)));
                } catch (MissingVariableException ignored) {
                    // left unset: an optional parameter is omitted, a required one reported missing
                }
            } else {
                out.put(e.key(), e.literal());
            }
        }
        return out;
    }
}
