package naftiko.engine.spec.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.spec.model.ConsumedResource;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.Spec;

/** Name indexes over a loaded document: consumes namespaces, their operations, aggregate functions. */
final class Catalog {
    record Target(Consumes consumes, ConsumedResource resource, ConsumedOperation operation) {}

    final Map<String, Consumes> consumes = new LinkedHashMap<>();
    /** namespace → operation name → first declaration (first match wins, as in the engine). */
    final Map<String, Map<String, Target>> operations = new LinkedHashMap<>();
    final Map<String, Aggregate.Function> functions = new LinkedHashMap<>();

    Catalog(Spec spec) {
        List<Consumes> all = spec.isCapability() ? spec.capability().consumes() : spec.consumes();
        for (Consumes c : all) {
            if (c.namespace() == null) continue;
            consumes.putIfAbsent(c.namespace(), c);
            Map<String, Target> ops = operations.computeIfAbsent(c.namespace(), k -> new LinkedHashMap<>());
            for (ConsumedResource r : c.resources()) {
                for (ConsumedOperation o : r.operations()) {
                    if (o.name() != null) ops.putIfAbsent(o.name(), new Target(c, r, o));
                }
            }
        }
        if (spec.isCapability()) {
            for (Aggregate a : spec.capability().aggregates()) {
                for (Aggregate.Function f : a.functions()) functions.putIfAbsent(a.namespace() + "." + f.name(), f);
            }
        }
    }

    /** The operation {@code ns.op} names, or null. */
    Target target(String call) {
        if (call == null) return null;
        int dot = call.indexOf('.');
        if (dot < 0) return null;
        Map<String, Target> ops = operations.get(call.substring(0, dot));
        return ops == null ? null : ops.get(call.substring(dot + 1));
    }

    /** An import that failed (already reported): calls into it are not reported again. */
    boolean isBrokenImport(String namespace) {
        Consumes c = consumes.get(namespace);
        return c != null && c.imported() != null && c.resources().isEmpty();
    }
}
