package naftiko.engine.spec.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.Suggest;
import naftiko.engine.spec.model.Execution;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.SkillExposes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.spec.model.Step;

/** Every call, ref, forward target, skill source and lookup index resolves; step names are unique. */
final class ReferenceChecks {
    private ReferenceChecks() {}

    static void run(Spec spec, Catalog catalog, List<UnitView> units, Report report) {
        for (UnitView u : units) {
            Execution x = u.execution();
            if (x.call() != null) call(x.call(), x.callPos(), u.what(), catalog, report);
            if (x.ref() != null && !catalog.functions.containsKey(x.ref())) {
                report.error(Rules.UNKNOWN_REF, u.what() + " refers to unknown aggregate function '" + x.ref() + "'",
                        hint(x.ref(), new ArrayList<>(catalog.functions.keySet()), "no aggregate function is declared"), x.refPos());
            }
            steps(u, catalog, report);
        }
        if (!spec.isCapability()) return;
        for (var e : spec.capability().exposes()) {
            if (e instanceof RestExposes rest) {
                for (var r : rest.resources()) {
                    if (r.forward() == null || r.forward().targetNamespace() == null) continue;
                    String target = r.forward().targetNamespace();
                    if (!catalog.consumes.containsKey(target)) {
                        report.error(Rules.UNKNOWN_FORWARD_TARGET, "forward of REST resource '" + r.path() + "' targets unknown consumes namespace '"
                                + target + "'", hint(target, new ArrayList<>(catalog.consumes.keySet()), "no consumes is declared"), r.forward().pos());
                    }
                }
            } else if (e instanceof SkillExposes skill) {
                skillSources(spec, skill, report);
            }
        }
    }

    private static void call(String call, SourcePos pos, String what, Catalog catalog, Report report) {
        int dot = call.indexOf('.');
        String ns = call.substring(0, dot);
        String op = call.substring(dot + 1);
        if (!catalog.consumes.containsKey(ns)) {
            report.error(Rules.UNKNOWN_CALL, what + " calls '" + call + "' but no consumes namespace '" + ns + "' is declared",
                    hint(ns, new ArrayList<>(catalog.consumes.keySet()), "declare it under capability.consumes"), pos);
            return;
        }
        if (catalog.isBrokenImport(ns)) return;
        if (!catalog.operations.get(ns).containsKey(op)) {
            List<String> ops = new ArrayList<>(catalog.operations.get(ns).keySet());
            report.error(Rules.UNKNOWN_CALL, what + " calls '" + call + "' but consumes '" + ns + "' has no operation '" + op + "'",
                    hint(op, ops, "it declares no operations"), pos);
        }
    }

    private static void steps(UnitView u, Catalog catalog, Report report) {
        Map<String, SourcePos> seen = new HashMap<>();
        for (Step s : u.execution().steps()) {
            if (s.name() != null) {
                SourcePos first = seen.putIfAbsent(s.name(), s.pos());
                if (first != null) {
                    report.error(Rules.DUPLICATE_STEP, "step name '" + s.name() + "' is used twice in " + u.what(),
                            "first used at line " + first.line() + "; step names key the step outputs and must be unique", s.pos());
                }
            }
            if (s instanceof Step.Call c && c.call() != null) {
                call(c.call(), c.pos(), "step '" + s.name() + "' of " + u.what(), catalog, report);
            } else if (s instanceof Step.Lookup l && l.index() != null) {
                if (!seen.containsKey(l.index()) || l.index().equals(l.name())) {
                    List<String> earlier = new ArrayList<>(seen.keySet());
                    earlier.remove(l.name());
                    report.error(Rules.UNKNOWN_LOOKUP_INDEX, "lookup step '" + l.name() + "' of " + u.what() + " indexes '" + l.index()
                            + "', which is not an earlier step", hint(l.index(), earlier, "the index must name a step declared before it"), l.pos());
                }
            }
        }
    }

    private static void skillSources(Spec spec, SkillExposes skill, Report report) {
        Map<String, List<String>> actions = new HashMap<>();
        for (var e : spec.capability().exposes()) {
            if (e instanceof RestExposes rest) {
                List<String> names = new ArrayList<>();
                rest.resources().forEach(r -> r.operations().forEach(o -> { if (o.name() != null) names.add(o.name()); }));
                actions.put(rest.namespace(), names);
            } else if (e instanceof McpExposes mcp) {
                List<String> names = new ArrayList<>();
                mcp.tools().forEach(t -> names.add(t.name() != null ? t.name()
                        : t.execution().ref() == null ? null : t.execution().ref().substring(t.execution().ref().indexOf('.') + 1)));
                actions.put(mcp.namespace(), names);
            }
        }
        for (var s : skill.skills()) {
            for (var t : s.tools()) {
                if (t.fromNamespace() == null) continue;
                List<String> known = actions.get(t.fromNamespace());
                if (known == null) {
                    report.error(Rules.UNKNOWN_SKILL_SOURCE, "skill tool '" + t.name() + "' takes 'from' unknown adapter namespace '"
                            + t.fromNamespace() + "'", hint(t.fromNamespace(), new ArrayList<>(actions.keySet()), "it must name a sibling rest or mcp adapter"),
                            t.pos());
                } else if (t.fromAction() != null && !known.contains(t.fromAction())) {
                    report.warning(Rules.UNKNOWN_SKILL_SOURCE, "skill tool '" + t.name() + "' names action '" + t.fromAction()
                            + "', which adapter '" + t.fromNamespace() + "' does not declare", hint(t.fromAction(), known, null), t.pos());
                }
            }
        }
    }

    static String hint(String wrong, List<String> candidates, String otherwise) {
        String h = Suggest.didYouMean(wrong, candidates);
        if (h != null) return h;
        if (candidates.isEmpty()) return otherwise;
        if (candidates.size() <= 8) return "known: " + String.join(", ", candidates);
        return otherwise;
    }
}
