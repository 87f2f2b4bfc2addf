package naftiko.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import naftiko.engine.run.Capability;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.Spec;

/**
 * The start-up lines of a dry run: what stood in for what ({@code <unset:VAR>},
 * {@code <base-uri:NS>}) and what to set for a real run.
 */
public final class DryRunNotes {
    private DryRunNotes() {}

    public static List<String> of(List<Capability> capabilities, EngineOptions engine) {
        Set<String> vars = new LinkedHashSet<>();
        Set<String> namespaces = new LinkedHashSet<>();
        for (Capability c : capabilities) {
            Spec spec = c.spec();
            List<Bind> binds = new ArrayList<>();
            if (spec.binds() != null) binds.addAll(spec.binds());
            if (spec.capability() != null && spec.capability().binds() != null) binds.addAll(spec.capability().binds());
            for (Bind b : binds) {
                if (b.location() != null) continue; // values read from a file next to the capability
                b.keys().forEach((var, key) -> {
                    String source = key == null ? var : key;
                    if (!has(engine.extraValues(), source) && !has(engine.environment(), source)) vars.add(source);
                });
            }
            List<Consumes> consumes = spec.capability() == null || spec.capability().consumes() == null
                    ? List.of() : spec.capability().consumes();
            for (Consumes k : consumes) {
                String ns = k.namespace();
                boolean fromFile = k.baseUri() != null && !k.baseUri().isBlank();
                boolean overridden = engine.baseUriOverrides() != null && has(engine.baseUriOverrides(), ns);
                if (!fromFile && !overridden && !has(engine.environment(), envName(ns))) namespaces.add(ns);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("naftiko dry run: nothing is sent upstream; every call answers with the request it would send.");
        if (vars.isEmpty() && namespaces.isEmpty()) {
            lines.add("  For a real run, drop --dry-run: every bind and base URI has a value.");
            return lines;
        }
        vars.forEach(v -> lines.add("  unset bind shown as <unset:" + v + ">: for a real run, export " + v
                + "=... (or put it in --env-file)"));
        namespaces.forEach(ns -> lines.add("  empty base URI shown as <base-uri:" + ns + ">: for a real run, pass --base-uri "
                + ns + "=URL (or export " + envName(ns) + "=URL)"));
        return lines;
    }

    private static boolean has(Map<String, String> values, String key) {
        return values != null && values.get(key) != null;
    }

    /** The variable the planner reads a namespace's base URI from ({@code NAFTIKO_BASE_URI_<NS>}). */
    static String envName(String namespace) {
        StringBuilder sb = new StringBuilder("NAFTIKO_BASE_URI_");
        for (char ch : namespace.toCharArray()) sb.append(Character.isLetterOrDigit(ch) ? Character.toUpperCase(ch) : '_');
        return sb.toString();
    }
}
