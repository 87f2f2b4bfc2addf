package naftiko.engine.spec.read;

import java.util.LinkedHashMap;
import java.util.Map;
import naftiko.engine.spec.Rules;

/**
 * Which prefixes in a unit's {@code with} values name the unit's own inputs (REAL-WORLD item 7), and
 * the canonical namespace they are rewritten to. {@code aliases} maps a prefix (with its trailing
 * dot) to the leniency rule reported when it is used.
 */
public record WithScope(String namespace, Map<String, String> aliases) {

    public static WithScope rest(String ns) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("rest.", Rules.WITH_ADAPTER_ALIAS);
        if (ns != null) a.put("$this." + ns + ".", Rules.WITH_THIS_PREFIX);
        return new WithScope(ns, a);
    }

    public static WithScope mcp(String ns) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("tools.", Rules.WITH_ADAPTER_ALIAS);
        a.put("mcp.", Rules.WITH_ADAPTER_ALIAS);
        if (ns != null) a.put("$this." + ns + ".", Rules.WITH_THIS_PREFIX);
        return new WithScope(ns, a);
    }

    public static WithScope aggregate(String ns) {
        Map<String, String> a = new LinkedHashMap<>();
        if (ns != null) a.put("$this." + ns + ".", Rules.WITH_THIS_PREFIX);
        return new WithScope(ns, a);
    }

    /** Where nothing is an alias (units without a known namespace). */
    public static WithScope none() {
        return new WithScope(null, Map.of());
    }
}
