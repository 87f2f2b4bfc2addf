package naftiko.engine.spec.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.ConsumedParameter;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Step;
import naftiko.engine.spec.model.WithEntry;

/**
 * Consumed path placeholders that nothing can fill. A caller can fill {@code {{x}}} with a consumed
 * parameter, a {@code with} key, one of its own inputs or route/URI variables (pass-through,
 * REAL-WORLD item 11, names compared kebab/snake-insensitively), an earlier step output or a bind
 * variable. MCP tools without declared inputs derive their schema from the placeholders, so they
 * always can. The others get a warning, not an error: the rest of the capability still runs, and
 * a lenient runtime may still find the value in the request (a query parameter, an undeclared MCP
 * argument); when it cannot, that one unit answers a client error naming the parameter.
 */
final class PlaceholderChecks {
    private PlaceholderChecks() {}

    static void run(Catalog catalog, List<UnitView> units, Scope scope, Report report) {
        Map<String, Set<String>> viaRef = new HashMap<>();
        for (UnitView u : units) {
            if (u.execution().ref() == null) continue;
            Set<String> names = viaRef.computeIfAbsent(u.execution().ref(), k -> new HashSet<>());
            names.addAll(u.inputs());
            u.execution().with().forEach(w -> names.add(w.key()));
        }
        for (UnitView u : units) {
            if (u.openInputs()) continue;
            Set<String> base = new HashSet<>(u.inputs());
            u.execution().with().forEach(w -> base.add(w.key()));
            if (u.functionRef() != null) base.addAll(viaRef.getOrDefault(u.functionRef(), Set.of()));
            if (u.execution().call() != null) {
                check(u, u.execution().call(), u.execution().callPos(), base, List.of(), catalog, scope, report);
            }
            List<String> earlier = new ArrayList<>();
            for (Step s : u.execution().steps()) {
                if (s instanceof Step.Call c && c.call() != null) {
                    Set<String> names = new HashSet<>(base);
                    for (WithEntry w : c.with()) names.add(w.key());
                    check(u, c.call(), c.pos(), names, earlier, catalog, scope, report);
                }
                if (s.name() != null) earlier.add(s.name());
            }
        }
    }

    private static void check(UnitView u, String call, SourcePos pos, Set<String> names, List<String> steps, Catalog catalog,
                              Scope scope, Report report) {
        Catalog.Target t = catalog.target(call);
        if (t == null || t.resource().path() == null) return;
        Set<String> fill = new HashSet<>();
        names.forEach(n -> fill.add(normal(n)));
        for (List<ConsumedParameter> ps : List.of(t.consumes().inputParameters(), t.resource().inputParameters(), t.operation().inputParameters())) {
            for (ConsumedParameter p : ps) if (p.name() != null) fill.add(normal(p.name()));
        }
        for (String placeholder : UnitView.variables(t.resource().path())) {
            if (fill.contains(normal(placeholder)) || scope.isBindVariable(placeholder)) continue;
            int dot = placeholder.indexOf('.');
            if (dot > 0 && (steps.contains(placeholder.substring(0, dot)) || scope.isBindNamespace(placeholder.substring(0, dot)))) continue;
            String message = "consumed path placeholder '{{" + placeholder + "}}' of '" + call + "' (" + t.resource().path()
                    + ") cannot be filled by " + u.what() + ": it is not a consumed parameter, a 'with' key, an input or a route variable";
            String hint = "add 'with: {" + placeholder + ": " + (u.namespace() == null ? "<ns>" : u.namespace()) + ".<input>}'"
                    + (u.kind() == UnitView.Kind.REST_OPERATION ? " or a route variable {" + placeholder + "}" : " or declare an input '" + placeholder + "'");
            report.warning(Rules.UNFILLABLE_PLACEHOLDER, message, hint, pos);
        }
    }

    /** kebab/snake-insensitive parameter name (REAL-WORLD item 9). */
    static String normal(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
