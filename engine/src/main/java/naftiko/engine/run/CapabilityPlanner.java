package naftiko.engine.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.bind.BindResolver;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Template;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.model.Authentication;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.ControlExposes;
import naftiko.engine.spec.model.Exposes;
import naftiko.engine.spec.model.ExposedParameter;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.engine.spec.model.McpResource;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.RestOperation;
import naftiko.engine.spec.model.RestResource;
import naftiko.engine.spec.model.SkillExposes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;

/**
 * Compiles a loaded {@link Spec} into a runnable {@link Capability}: binds resolved, base URIs
 * chosen (override, {@code NAFTIKO_BASE_URI_<NS>}, file), every consumed operation, unit, route,
 * resource and prompt compiled once.
 */
public final class CapabilityPlanner {
    private CapabilityPlanner() {}

    /**
     * @throws PlanException when the capability cannot run in this environment (missing bind
     *                       variable, empty base URI without override...), with an actionable message
     */
    public static Capability plan(Spec spec, EngineOptions options) {
        if (spec == null || spec.capability() == null) {
            throw new PlanException((spec == null ? "<unknown>" : spec.pos()) + ": not a capability document (no capability block)");
        }
        List<Bind> binds = new ArrayList<>();
        if (spec.binds() != null) binds.addAll(spec.binds());
        if (spec.capability().binds() != null) binds.addAll(spec.capability().binds());
        BindValues values = new BindResolver(options.environment(), options.extraValues(), options.dryRun())
                .resolve(binds, spec.file());
        Planning planning = new Planning(spec, options, values);
        UnitCompiler compiler = new UnitCompiler(planning);
        List<RestEndpoint> rest = new ArrayList<>();
        List<McpEndpoint> mcp = new ArrayList<>();
        List<SkillExposes> skills = new ArrayList<>();
        ControlExposes control = null;
        List<Diagnostic> warnings = new ArrayList<>();
        for (Exposes e : spec.capability().exposes() == null ? List.<Exposes>of() : spec.capability().exposes()) {
            if (e instanceof RestExposes r) rest.add(rest(r, compiler, planning));
            else if (e instanceof McpExposes m) mcp.add(mcp(m, compiler, planning));
            else if (e instanceof SkillExposes s) skills.add(s);
            else if (e instanceof ControlExposes c) control = c;
        }
        return new Capability(spec, name(spec), List.copyOf(rest), List.copyOf(mcp), List.copyOf(skills), control, warnings);
    }

    private static String name(Spec spec) {
        if (spec.info() != null && spec.info().label() != null && !spec.info().label().isBlank()) return spec.info().label();
        if (spec.file() == null) return "capability";
        String f = spec.file().getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static RestEndpoint rest(RestExposes r, UnitCompiler compiler, Planning planning) {
        List<RestEndpoint.RestRoute> routes = new ArrayList<>();
        for (RestResource res : r.resources() == null ? List.<RestResource>of() : r.resources()) {
            for (RestOperation op : res.operations() == null ? List.<RestOperation>of() : res.operations()) {
                String method = op.method() == null ? "GET" : op.method().toUpperCase(Locale.ROOT);
                List<ExposedParameter> inputs = new ArrayList<>();
                if (r.inputParameters() != null) inputs.addAll(r.inputParameters());
                if (res.inputParameters() != null) inputs.addAll(res.inputParameters());
                if (op.inputParameters() != null) inputs.addAll(op.inputParameters());
                Unit unit = compiler.compile(new UnitCompiler.Declaration("rest", r.namespace(), op.name(),
                        op.label() != null ? op.label() : res.label(),
                        op.description() != null ? op.description() : res.description(),
                        inputs, null, op.execution(), op.pos(), method + " " + res.path()));
                routes.add(new RestEndpoint.RestRoute(res.path(), method, unit, false));
            }
            if (res.forward() != null) {
                String ns = res.forward().targetNamespace();
                if (planning.consumes(ns) == null) {
                    throw new PlanException(res.forward().pos() + ": forward targets '" + ns + "', which is not a consumes namespace");
                }
                Unit unit = new ForwardUnit(res.name() != null ? res.name() : "forward " + res.path(), res.forward(),
                        planning.baseUris().get(ns), planning.consumes(ns), planning.client(ns), planning.binds(),
                        planning.dryRun(), res.pos());
                routes.add(new RestEndpoint.RestRoute(res.path(), "*", unit, true));
            }
        }
        return new RestEndpoint(r.namespace(), r.address() == null ? "127.0.0.1" : r.address(),
                r.port() == null ? 0 : r.port(), inbound(r.authentication(), planning, r.namespace(), r.pos()), List.copyOf(routes), r.pos());
    }

    private static McpEndpoint mcp(McpExposes m, UnitCompiler compiler, Planning planning) {
        List<Unit> tools = new ArrayList<>();
        for (McpTool t : m.tools() == null ? List.<McpTool>of() : m.tools()) {
            tools.add(compiler.compile(new UnitCompiler.Declaration("mcp", m.namespace(), t.name(), t.label(),
                    t.description(), t.inputParameters(), t.hints(), t.execution(), t.pos())));
        }
        List<McpResourceUnit> resources = new ArrayList<>();
        for (McpResource r : m.resources() == null ? List.<McpResource>of() : m.resources()) {
            if (r.isStatic()) {
                resources.add(new StaticResource(r, BindResolver.filePath(r.location(), planning.baseDir())));
            } else {
                ExecutionBody body = compiler.compileBody(new UnitCompiler.Declaration("mcp", m.namespace(), r.name(),
                        r.label(), r.description(), null, null, r.execution(), r.pos())).body();
                resources.add(new DynamicResource(r, body));
            }
        }
        List<McpPromptUnit> prompts = new ArrayList<>();
        for (McpPrompt p : m.prompts() == null ? List.<McpPrompt>of() : m.prompts()) {
            List<McpPrompt.Message> messages = p.template();
            if (p.location() != null) {
                Path file = BindResolver.filePath(p.location(), planning.baseDir());
                try {
                    messages = List.of(new McpPrompt.Message("user", Files.readString(file, StandardCharsets.UTF_8)));
                } catch (java.io.IOException e) {
                    throw new PlanException(p.pos() + ": prompt '" + p.name() + "': cannot read " + file + "; fix location");
                }
            }
            prompts.add(new PromptTemplate(p, messages == null ? List.of() : messages));
        }
        return new McpEndpoint(m.namespace(), m.transport() == null ? "http" : m.transport(),
                m.address() == null ? "127.0.0.1" : m.address(), m.port(), m.description(),
                inbound(m.authentication(), planning, m.namespace(), m.pos()), List.copyOf(tools), List.copyOf(resources),
                List.copyOf(prompts), m.pos());
    }

    private static InboundAuth inbound(Authentication auth, Planning planning, String realm, SourcePos pos) {
        if (auth == null) return null;
        try {
            return InboundAuth.of(auth, s -> {
                if (s == null) return null;
                try {
                    return Template.compile(s).render(planning.binds().scope());
                } catch (RuntimeException e) {
                    return ""; // an empty expected secret never authenticates anyone
                }
            }, realm);
        } catch (IllegalArgumentException e) {
            throw new PlanException(pos + ": " + e.getMessage());
        }
    }
}
