package naftiko.engine.spec.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.Suggest;
import naftiko.engine.spec.model.Authentication;
import naftiko.engine.spec.model.ConsumedParameter;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.Exposes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;
import naftiko.engine.spec.model.Step;

/**
 * {@code {{VAR}}} templates whose variable nothing declares. In inbound authentication only bind
 * variables are in scope, so an unknown name there is an error. In consumes (auth, parameter
 * values, bodies, base URIs) a name may also be a unit input, a {@code with} key or a step output,
 * so only names that nothing in the document provides are reported, as warnings.
 */
final class TemplateChecks {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\{?\\s*([^{}\\s]+)\\s*\\}?\\}\\}");
    private static final Pattern BIND_STYLE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private TemplateChecks() {}

    static void run(Spec spec, List<UnitView> units, Scope scope, Report report) {
        if (!spec.isCapability()) return;
        for (Exposes e : spec.capability().exposes()) {
            Authentication a = e.authentication();
            if (a == null) continue;
            for (String v : values(a)) {
                for (String name : names(v)) {
                    if (scope.isBindVariable(name)) continue;
                    List<String> candidates = new ArrayList<>(scope.variables());
                    String hint = Suggest.didYouMean(name, candidates);
                    report.error(Rules.UNDECLARED_BIND_VARIABLE, "inbound authentication of the " + e.type() + " adapter uses '{{" + name
                            + "}}' but no bind declares " + name, hint != null ? hint : "declare it under binds: keys: {" + name + ": <source key>}",
                            a.pos());
                }
            }
        }
        Set<String> provided = provided(spec, units);
        for (Consumes c : spec.capability().consumes()) {
            if (c.authentication() != null) {
                for (String v : values(c.authentication())) check(v, c.authentication().pos(), "authentication of consumes '" + c.namespace() + "'", provided, scope, report);
            }
            check(c.baseUri(), c.pos(), "baseUri of consumes '" + c.namespace() + "'", provided, scope, report);
            params(c.inputParameters(), "consumes '" + c.namespace() + "'", provided, scope, report);
            for (var r : c.resources()) {
                params(r.inputParameters(), "consumed resource '" + r.name() + "'", provided, scope, report);
                for (var o : r.operations()) {
                    params(o.inputParameters(), "consumed operation '" + o.name() + "'", provided, scope, report);
                    if (o.body() != null && o.body().data() != null) {
                        String text = o.body().data().isTextual() ? o.body().data().asText() : o.body().data().toString();
                        check(text, o.body().pos(), "body of consumed operation '" + o.name() + "'", provided, scope, report);
                    }
                }
            }
        }
    }

    private static void params(List<ConsumedParameter> ps, String owner, Set<String> provided, Scope scope, Report report) {
        for (ConsumedParameter p : ps) check(p.value(), p.pos(), "parameter '" + p.name() + "' of " + owner, provided, scope, report);
    }

    private static void check(String template, SourcePos pos, String where, Set<String> provided, Scope scope, Report report) {
        for (String name : names(template)) {
            if (scope.isBindVariable(name)) continue;
            int dot = name.indexOf('.');
            String head = dot > 0 ? name.substring(0, dot) : name;
            if (provided.contains(PlaceholderChecks.normal(head))) continue;
            if (dot > 0 && scope.isBindNamespace(head)) {
                report.warning(Rules.UNDECLARED_BIND_VARIABLE, where + " uses '{{" + name + "}}' but bind '" + head + "' declares no "
                        + name.substring(dot + 1), Suggest.didYouMean(name, scope.variables()), pos);
            } else if (BIND_STYLE.matcher(name).matches()) {
                report.warning(Rules.UNDECLARED_BIND_VARIABLE, where + " uses '{{" + name + "}}' but no bind declares " + name
                        + " and no input provides it", hintFor(name, scope), pos);
            } else {
                report.warning(Rules.UNDECLARED_VARIABLE, where + " uses '{{" + name + "}}', which no input, 'with' key, step or bind provides",
                        "it renders empty at run time", pos);
            }
        }
    }

    private static String hintFor(String name, Scope scope) {
        String h = Suggest.didYouMean(name, scope.variables());
        return h != null ? h : "declare it under binds: keys: {" + name + ": " + name + "}";
    }

    /** Every name a request-time template could see: inputs, with keys, step names, consumed parameters. */
    private static Set<String> provided(Spec spec, List<UnitView> units) {
        Set<String> out = new HashSet<>();
        for (UnitView u : units) {
            u.inputs().forEach(n -> out.add(PlaceholderChecks.normal(n)));
            u.execution().with().forEach(w -> out.add(PlaceholderChecks.normal(w.key())));
            for (Step s : u.execution().steps()) {
                if (s.name() != null) out.add(PlaceholderChecks.normal(s.name()));
                if (s instanceof Step.Call c) c.with().forEach(w -> out.add(PlaceholderChecks.normal(w.key())));
            }
        }
        for (Consumes c : spec.capability().consumes()) {
            c.inputParameters().forEach(p -> add(out, p.name()));
            for (var r : c.resources()) {
                r.inputParameters().forEach(p -> add(out, p.name()));
                UnitView.variables(r.path()).forEach(v -> add(out, v));
                for (var o : r.operations()) o.inputParameters().forEach(p -> add(out, p.name()));
            }
        }
        return out;
    }

    private static void add(Set<String> out, String name) {
        if (name != null) out.add(PlaceholderChecks.normal(name));
    }

    private static List<String> values(Authentication a) {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {a.username(), a.password(), a.token(), a.key(), a.value()}) if (s != null) out.add(s);
        return out;
    }

    static Set<String> names(String template) {
        Set<String> out = new HashSet<>();
        if (template == null || !template.contains("{{")) return out;
        Matcher m = TEMPLATE.matcher(template);
        while (m.find()) {
            String n = m.group(1);
            if (n.isEmpty() || "$#/^!&>".indexOf(n.charAt(0)) >= 0) continue;
            out.add(n);
        }
        return out;
    }
}
