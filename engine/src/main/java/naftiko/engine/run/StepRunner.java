package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Names;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.StepPath;
import naftiko.engine.expr.Template;
import naftiko.engine.expr.ValueText;
import naftiko.engine.spec.model.Step;
import naftiko.engine.upstream.UpstreamRequest;

/** One compiled orchestration step: a call or a lookup (script steps are refused at plan time). */
abstract class StepRunner {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    final String name;

    StepRunner(String name) {
        this.name = name;
    }

    abstract CompletableFuture<Outcome> run(StepsBody.Run run, InputSource src, CallContext ctx, BindValues binds, boolean dryRun);

    abstract String describe();

    static StepRunner compile(Step s, List<String> prefixes, Planning planning) {
        if (s instanceof Step.Call c) {
            return new CallStep(c.name(), planning.target(c.call(), c.pos()), WithMerge.compile(c.with(), prefixes));
        }
        if (s instanceof Step.Lookup l) {
            Object value = l.lookupValue() != null && l.lookupValue().startsWith("$.")
                    ? StepPath.compile(l.lookupValue()) : Template.compile(l.lookupValue() == null ? "" : l.lookupValue());
            return new LookupStep(l.name(), l.index(), l.match(), value, l.outputParameters());
        }
        throw new PlanException(s.pos() + ": step '" + s.name() + "' is a script step; script steps are not supported"
                + " by this runtime [script-steps-unsupported] (use call and lookup steps)");
    }

    /** A call step: its own {@code with} on a copy of the parameters, then the upstream call. */
    static final class CallStep extends StepRunner {
        private final CallTarget target;
        private final WithMerge with;

        CallStep(String name, CallTarget target, WithMerge with) {
            super(name);
            this.target = target;
            this.with = with;
        }

        CallTarget target() {
            return target;
        }

        @Override
        String describe() {
            return name + "=" + target.name();
        }

        @Override
        CompletableFuture<Outcome> run(StepsBody.Run run, InputSource src, CallContext ctx, BindValues binds, boolean dryRun) {
            InputSource combined = new InputSource() {
                public JsonNode get(String n, String loc) {
                    JsonNode v = src.get(n, loc);
                    return v != null ? v : Names.find(run.params, n);
                }
                public Map<String, JsonNode> baseParameters() { return run.params; }
                public boolean typed() { return src.typed(); }
            };
            Map<String, JsonNode> p = with.apply(combined, new LinkedHashMap<>(run.params), target::locationOf, binds.scope());
            UpstreamRequest req;
            try {
                req = target.build(p);
            } catch (UnitFailure f) {
                if (dryRun) {
                    run.dryRequests.add(F.objectNode().put("step", name).put("unresolved", f.getMessage()));
                    return CompletableFuture.completedFuture(null);
                }
                throw new UnitFailure(f.kind(), "step '" + name + "': " + f.getMessage(), f.inputs());
            }
            if (dryRun) {
                ObjectNode d = DryRunReport.describe(req, binds.redactor(), target.credentialHeaders(p), ctx == null ? null : ctx.requestId());
                d.put("step", name);
                run.dryRequests.add(d);
                return CompletableFuture.completedFuture(null);
            }
            return target.send(req, p, ctx).handle((resp, err) -> {
                if (err != null) {
                    UnitFailure f = UnitFailure.of(err);
                    throw new UnitFailure(f.kind(), "step '" + name + "' (" + target.name() + "): " + f.getMessage(), f.inputs(), f);
                }
                if (resp.status() >= 400) {
                    ObjectNode e = F.objectNode();
                    e.put("error", "step '" + name + "' (" + target.name() + ") failed with upstream status " + resp.status());
                    e.put("step", name);
                    e.put("status", resp.status());
                    JsonNode body = StepsBody.project(target, resp);
                    if (body != null) e.set("upstream", body);
                    else if (resp.body().length > 0) e.put("upstream", new String(resp.body(), java.nio.charset.StandardCharsets.UTF_8));
                    return Outcome.json(resp.status(), e);
                }
                JsonNode out = StepsBody.project(target, resp);
                if (out != null) {
                    run.context.put(name, out);
                    run.params.put(name, out);
                }
                run.last = resp;
                run.lastTarget = target;
                return null;
            });
        }
    }

    /** A lookup step: entries of an earlier step's array whose {@code match} field equals the value. */
    static final class LookupStep extends StepRunner {
        private final String index;
        private final String match;
        private final Object value;
        private final List<String> fields;

        LookupStep(String name, String index, String match, Object value, List<String> fields) {
            super(name);
            this.index = index;
            this.match = match;
            this.value = value;
            this.fields = fields == null ? List.of() : fields;
        }

        @Override
        String describe() {
            return name + "=lookup(" + index + ")";
        }

        @Override
        CompletableFuture<Outcome> run(StepsBody.Run run, InputSource src, CallContext ctx, BindValues binds, boolean dryRun) {
            if (dryRun) return CompletableFuture.completedFuture(null);
            JsonNode table = run.context.get(index);
            if (table == null) {
                throw new UnitFailure(UnitFailure.Kind.INTERNAL, "step '" + name + "': step '" + index + "' produced no output to look up");
            }
            JsonNode v;
            if (value instanceof StepPath sp) {
                v = sp.evaluate(run.context);
            } else {
                try {
                    v = F.textNode(((Template) value).render(Scope.of(run.params).then(binds.scope())));
                } catch (RuntimeException e) {
                    v = null;
                }
            }
            JsonNode result = null;
            if (v != null && v.isArray()) {
                ArrayNode a = F.arrayNode();
                for (JsonNode item : v) {
                    JsonNode m = find(table, ValueText.of(item));
                    if (m != null) a.add(m);
                }
                result = a.isEmpty() ? null : a;
            } else if (v != null) {
                result = find(table, ValueText.of(v));
            }
            if (result != null) run.context.put(name, result);
            return CompletableFuture.completedFuture(null);
        }

        private JsonNode find(JsonNode table, String wanted) {
            if (wanted == null) return null;
            if (table.isArray()) {
                for (JsonNode e : table) {
                    if (e.isObject() && wanted.equals(ValueText.of(e.get(match)))) return pick(e);
                }
                return null;
            }
            return table.isObject() && wanted.equals(ValueText.of(table.get(match))) ? pick(table) : null;
        }

        private JsonNode pick(JsonNode entry) {
            ObjectNode o = F.objectNode();
            for (String f : fields) {
                JsonNode v = entry.get(f);
                o.set(f, v == null ? F.nullNode() : v);
            }
            return o;
        }
    }
}
