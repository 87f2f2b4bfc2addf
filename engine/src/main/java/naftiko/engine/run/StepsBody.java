package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.JsonPathExpr;
import naftiko.engine.expr.Scope;
import naftiko.engine.expr.StepPath;
import naftiko.engine.shape.OutputShaper;
import naftiko.engine.shape.format.FormatDecoder;
import naftiko.engine.spec.model.Execution;
import naftiko.engine.spec.model.Step;
import naftiko.engine.spec.model.StepMapping;
import naftiko.engine.upstream.UpstreamResponse;

/**
 * Orchestrated mode (SPEC.md §8): steps run in order, one after the other; each call step sees the
 * unit inputs and earlier call outputs ({@code {{step.field}}}); lookups match over an earlier
 * step's array. A call answered with status ≥ 400 stops the unit with an outcome naming the step.
 * With {@code mappings}, the mapped object is the result (200); otherwise the last call's response
 * is shaped by the unit's outputs.
 */
final class StepsBody implements ExecutionBody {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private record Mapping(String[] target, StepPath path) {}

    private final List<StepRunner> steps;
    private final List<Mapping> mappings;
    private final WithMerge unitWith;
    private final Execution execution;
    private final BindValues binds;
    private final boolean dryRun;
    private final Map<String, OutputShaper> shapers = new java.util.HashMap<>();

    private StepsBody(List<StepRunner> steps, List<Mapping> mappings, WithMerge unitWith, Execution execution,
                      BindValues binds, boolean dryRun) {
        this.steps = steps;
        this.mappings = mappings;
        this.unitWith = unitWith;
        this.execution = execution;
        this.binds = binds;
        this.dryRun = dryRun;
        for (StepRunner s : steps) {
            if (s instanceof StepRunner.CallStep c) {
                CallTarget t = c.target();
                shapers.computeIfAbsent(t.name(), k -> OutputShaper.compile(execution.outputParameters(),
                        t.operation().outputRawFormat(), t.operation().outputSchema(), t.baseDir()));
            }
        }
    }

    static StepsBody compile(Execution ex, WithMerge unitWith, List<String> prefixes, Planning planning) {
        List<StepRunner> steps = new ArrayList<>();
        for (Step s : ex.steps()) steps.add(StepRunner.compile(s, prefixes, planning));
        List<Mapping> mappings = new ArrayList<>();
        if (ex.mappings() != null) {
            for (StepMapping m : ex.mappings()) {
                try {
                    mappings.add(new Mapping(m.targetName().split("\\."), StepPath.compile(m.value())));
                } catch (IllegalArgumentException e) {
                    throw new PlanException(m.pos() + ": mapping '" + m.targetName() + "': " + e.getMessage());
                }
            }
        }
        return new StepsBody(steps, mappings, unitWith, ex, planning.binds(), planning.dryRun());
    }

    /** The running state of one invocation. */
    static final class Run {
        final Map<String, JsonNode> params;
        final Map<String, JsonNode> context = new LinkedHashMap<>();
        final List<JsonNode> dryRequests = new ArrayList<>();
        UpstreamResponse last;
        CallTarget lastTarget;

        Run(Map<String, JsonNode> params) {
            this.params = params;
        }
    }

    @Override
    public CompletableFuture<Outcome> run(InputSource src, Map<String, JsonNode> params, CallContext context) {
        Run run = new Run(unitWith.apply(src, params, k -> null, binds.scope()));
        CompletableFuture<Outcome> chain = CompletableFuture.completedFuture(null);
        for (StepRunner step : steps) {
            chain = chain.thenCompose(stop -> stop != null ? CompletableFuture.completedFuture(stop)
                    : step.run(run, src, context, binds, dryRun));
        }
        return chain.thenApply(stop -> stop != null ? stop : result(run));
    }

    private Outcome result(Run run) {
        if (dryRun) {
            ObjectNode o = F.objectNode();
            o.put("dryRun", true);
            o.set("steps", F.arrayNode().addAll(run.dryRequests));
            return Outcome.json(200, o);
        }
        if (!mappings.isEmpty()) {
            ObjectNode out = F.objectNode();
            boolean any = false;
            for (Mapping m : mappings) {
                JsonNode v = m.path().evaluate(run.context);
                if (v == null) continue;
                any = true;
                ObjectNode cur = out;
                for (int i = 0; i < m.target().length - 1; i++) {
                    JsonNode next = cur.get(m.target()[i]);
                    cur = next instanceof ObjectNode o ? o : cur.putObject(m.target()[i]);
                }
                cur.set(m.target()[m.target().length - 1], v);
            }
            if (any) return Outcome.json(200, out);
        }
        if (run.last == null) return Outcome.json(200, F.objectNode());
        return shapers.get(run.lastTarget.name()).shape(run.last, Scope.of(run.params).then(binds.scope()));
    }

    @Override
    public String target() {
        return "steps " + String.join(", ", steps.stream().map(StepRunner::describe).toList());
    }

    /** Decodes a step's upstream body and projects the consumed outputs (SPEC.md §8.4). */
    static JsonNode project(CallTarget target, UpstreamResponse r) {
        if (r.body().length == 0) return null;
        JsonNode raw;
        try {
            raw = FormatDecoder.decode(target.operation().outputRawFormat(), r.body(),
                    target.operation().outputSchema(), target.baseDir());
        } catch (FormatDecoder.FormatException e) {
            return null;
        }
        Map<String, JsonPathExpr> outs = target.outputs();
        if (outs.isEmpty()) return raw;
        if (raw.isArray()) {
            ArrayNode a = F.arrayNode();
            for (JsonNode e : raw) {
                if (e.isObject()) {
                    ObjectNode copy = ((ObjectNode) e).deepCopy();
                    outs.forEach((name, path) -> {
                        JsonNode v = path.evaluate(e);
                        copy.set(name, v == null ? F.nullNode() : v);
                    });
                    a.add(copy);
                } else {
                    a.add(e);
                }
            }
            return a;
        }
        ObjectNode o = F.objectNode();
        outs.forEach((name, path) -> {
            JsonNode v = path.evaluate(raw);
            o.set(name, v == null ? F.nullNode() : v);
        });
        return o.isEmpty() ? raw : o;
    }
}
