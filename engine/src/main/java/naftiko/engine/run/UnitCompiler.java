package naftiko.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import naftiko.engine.expr.InputReference;
import naftiko.engine.expr.Names;
import naftiko.engine.shape.OutputShape;
import naftiko.engine.shape.OutputShaper;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.Execution;
import naftiko.engine.spec.model.ExposedParameter;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.OutputParameter;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.upstream.RequestTemplate;

/**
 * Compiles one exposed unit (REST operation, MCP tool, aggregate function) into a
 * {@link CompiledUnit}: its execution body by mode, its input contract (declared inputs win,
 * else derived per REAL-WORLD item 10), its output schema and hints.
 */
final class UnitCompiler {
    /** What every kind of unit declares, whatever its adapter. */
    record Declaration(String kind, String namespace, String name, String title, String description,
                       List<ExposedParameter> inputs, McpTool.Hints hints, Execution execution, SourcePos pos,
                       String fallbackName) {
        Declaration(String kind, String namespace, String name, String title, String description,
                    List<ExposedParameter> inputs, McpTool.Hints hints, Execution execution, SourcePos pos) {
            this(kind, namespace, name, title, description, inputs, hints, execution, pos, null);
        }
    }

    /** Body and contract, before wrapping into a unit (aggregate functions reuse them). */
    record Compiled(ExecutionBody body, InputContract contract, OutputShaper shaper, boolean jsonBody,
                    Aggregate.Function function) {}

    private final Planning planning;

    UnitCompiler(Planning planning) {
        this.planning = planning;
    }

    Unit compile(Declaration d) {
        Compiled c = compileBody(d);
        String name = d.name();
        String description = d.description();
        McpTool.Hints hints = d.hints();
        if (c.function() != null) {
            if (name == null || name.isBlank()) name = c.function().name();
            if (description == null || description.isBlank()) description = c.function().description();
            hints = derivedHints(c.function().semantics(), hints);
        }
        if (name == null || name.isBlank()) name = d.fallbackName();
        return new CompiledUnit(name, d.title(), description, c.contract(),
                c.shaper() == null ? null : c.shaper().outputSchema(), hints, d.pos(), c.body(), c.jsonBody());
    }

    Compiled compileBody(Declaration d) {
        Execution ex = d.execution();
        List<String> prefixes = InputReference.prefixes(d.kind(), d.namespace());
        WithMerge with = WithMerge.compile(ex == null ? null : ex.with(), prefixes);
        List<InputSpec> declared = declaredInputs(d);
        Execution.Mode mode = ex == null ? Execution.Mode.MOCK : ex.mode();
        switch (mode) {
            case SIMPLE: {
                CallTarget target = planning.target(ex.call(), ex.callPos() != null ? ex.callPos() : d.pos());
                OutputShaper shaper = OutputShaper.compile(ex.outputParameters(), target.operation().outputRawFormat(),
                        target.operation().outputSchema(), target.baseDir());
                List<InputSpec> inputs = declared.isEmpty() ? derive(with, target) : declared;
                boolean jsonBody = inputs.stream().anyMatch(i -> "body".equals(i.in()) || "body".equals(i.location())
                        || "body-field".equals(i.location()));
                return new Compiled(new CallBody(target, with, shaper, planning.binds(), planning.dryRun()),
                        new InputContract(inputs), shaper, jsonBody, null);
            }
            case REF: {
                Aggregate.Function fn = planning.function(ex.ref(), ex.refPos() != null ? ex.refPos() : d.pos());
                String aggNs = ex.ref().substring(0, ex.ref().lastIndexOf('.'));
                // SPEC §9.4: when the function's outputs yield nothing, the unit's own outputs apply
                Execution fx = fn.execution();
                if (fx != null && ex.outputParameters() != null && !ex.outputParameters().isEmpty()) {
                    List<OutputParameter> outs = new ArrayList<>(fx.outputParameters() == null ? List.of() : fx.outputParameters());
                    outs.addAll(ex.outputParameters());
                    fx = new Execution(fx.call(), fx.callPos(), fx.with(), fx.steps(), fx.mappings(), fx.ref(), fx.refPos(), outs);
                }
                Compiled inner = compileBody(new Declaration("aggregate", aggNs, fn.name(), null, fn.description(),
                        fn.inputParameters(), null, fx, fn.pos()));
                InputContract contract = !declared.isEmpty() ? new InputContract(declared) : inner.contract();
                return new Compiled(new RefBody(ex.ref(), with, inner.body(), planning.binds()), contract,
                        inner.shaper(), inner.jsonBody() || declared.stream().anyMatch(i -> "body".equals(i.in())), fn);
            }
            case ORCHESTRATED: {
                StepsBody steps = StepsBody.compile(ex, with, prefixes, planning);
                return new Compiled(steps, new InputContract(declared), null,
                        declared.stream().anyMatch(i -> "body".equals(i.in())), null);
            }
            default: {
                List<OutputShape> outs = new ArrayList<>();
                if (ex != null && ex.outputParameters() != null) {
                    for (OutputParameter p : ex.outputParameters()) outs.add(OutputShape.compile(p));
                }
                return new Compiled(new MockBody(outs, with, planning.binds()), new InputContract(declared), null,
                        declared.stream().anyMatch(i -> "body".equals(i.in())), null);
            }
        }
    }

    /** Declared inputs: REST (with {@code in}; required default: path only) or MCP/aggregate (required default true). */
    static List<InputSpec> declaredInputs(Declaration d) {
        Map<String, InputSpec> out = new LinkedHashMap<>();
        if (d.inputs() == null) return List.of();
        for (ExposedParameter p : d.inputs()) {
            String in = p.in() == null ? null : p.in().toLowerCase(Locale.ROOT);
            boolean rest = d.kind().equals("rest");
            boolean required = p.required() != null ? p.required() : (rest ? "path".equals(in) : true);
            String location = in == null ? null : in.equals("body") ? "body-field" : in;
            out.put(p.name(), new InputSpec(p.name(), p.type() == null ? "string" : p.type(), p.description(), required,
                    location, true, rest ? (in == null ? "query" : in) : null, p.value()));
        }
        return List.copyOf(out.values());
    }

    /** REAL-WORLD item 10: inputs derived from {@code with} references and unmapped path placeholders. */
    static List<InputSpec> derive(WithMerge with, CallTarget target) {
        List<InputSpec> out = new ArrayList<>();
        RequestTemplate t = target.template();
        for (WithMerge.Entry e : with.entries()) {
            if (e.reference() == null) continue;
            RequestTemplate.Param p = t.parameter(e.key());
            String type = p == null || p.type() == null ? "string" : p.type();
            boolean required = p == null ? t.pathVariables().contains(e.key()) : p.required();
            out.add(new InputSpec(e.reference(), type, p == null ? null : p.description(), required,
                    target.locationOf(e.key()), false, null, null));
        }
        for (String v : t.pathVariables()) {
            boolean produced = with.entries().stream().anyMatch(e -> Names.normalise(e.key()).equals(Names.normalise(v)));
            boolean listed = out.stream().anyMatch(i -> Names.normalise(i.name()).equals(Names.normalise(v)));
            if (!produced && !listed && !v.contains(".")) {
                out.add(new InputSpec(v, "string", "Path parameter " + v, true, "path", false, null, null));
            }
        }
        return out;
    }

    /** SPEC.md §9.3: safe ⇒ readOnly (and not destructive), idempotent copied; explicit hints win. */
    static McpTool.Hints derivedHints(Aggregate.Semantics s, McpTool.Hints explicit) {
        Boolean readOnly = null, destructive = null, idempotent = null;
        if (s != null) {
            if (Boolean.TRUE.equals(s.safe())) {
                readOnly = true;
                destructive = false;
            } else if (Boolean.FALSE.equals(s.safe())) {
                readOnly = false;
            }
            idempotent = s.idempotent();
        }
        if (explicit != null) {
            if (explicit.readOnly() != null) readOnly = explicit.readOnly();
            if (explicit.destructive() != null) destructive = explicit.destructive();
            if (explicit.idempotent() != null) idempotent = explicit.idempotent();
        }
        return new McpTool.Hints(readOnly, destructive, idempotent, explicit == null ? null : explicit.openWorld());
    }
}
