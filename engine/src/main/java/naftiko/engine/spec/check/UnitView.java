package naftiko.engine.spec.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.CapabilityBlock;
import naftiko.engine.spec.model.Execution;
import naftiko.engine.spec.model.ExposedParameter;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.SourcePos;

/**
 * One executable unit of the document, seen by the checks: what it is called in messages, how it
 * executes, and which names its own inputs provide (declared inputs, route or URI variables).
 * {@code openInputs} marks MCP tools without declared inputs, whose schema is derived from what
 * they call (REAL-WORLD item 10), so any placeholder can arrive as an argument.
 */
record UnitView(Kind kind, String what, String namespace, String functionRef, Execution execution, Set<String> inputs, boolean openInputs, SourcePos pos) {
    enum Kind { REST_OPERATION, MCP_TOOL, MCP_RESOURCE, FUNCTION }

    private static final Pattern ROUTE_VARIABLE = Pattern.compile("\\{\\{?\\s*([^{}\\s]+)\\s*\\}\\}?");

    static List<UnitView> of(CapabilityBlock capability) {
        List<UnitView> out = new ArrayList<>();
        if (capability == null) return out;
        for (var e : capability.exposes()) {
            if (e instanceof RestExposes rest) {
                for (var r : rest.resources()) {
                    for (var op : r.operations()) {
                        Set<String> inputs = new LinkedHashSet<>();
                        names(rest.inputParameters(), inputs);
                        names(r.inputParameters(), inputs);
                        names(op.inputParameters(), inputs);
                        inputs.addAll(variables(r.path()));
                        out.add(new UnitView(Kind.REST_OPERATION, "REST operation " + op.method() + " " + r.path(), rest.namespace(), null,
                                op.execution(), inputs, false, op.pos()));
                    }
                }
            } else if (e instanceof McpExposes mcp) {
                for (var t : mcp.tools()) {
                    Set<String> inputs = new LinkedHashSet<>();
                    names(t.inputParameters(), inputs);
                    boolean open = t.inputParameters().isEmpty() && t.execution().ref() == null;
                    String name = t.name() != null ? t.name() : t.execution().ref();
                    out.add(new UnitView(Kind.MCP_TOOL, "MCP tool '" + name + "'", mcp.namespace(), null, t.execution(), inputs, open, t.pos()));
                }
                for (var r : mcp.resources()) {
                    if (r.execution() == null) continue;
                    Set<String> inputs = new LinkedHashSet<>(variables(r.uri()));
                    out.add(new UnitView(Kind.MCP_RESOURCE, "MCP resource '" + r.name() + "'", mcp.namespace(), null, r.execution(), inputs,
                            false, r.pos()));
                }
            }
        }
        for (Aggregate a : capability.aggregates()) {
            for (var f : a.functions()) {
                Set<String> inputs = new LinkedHashSet<>();
                names(f.inputParameters(), inputs);
                out.add(new UnitView(Kind.FUNCTION, "aggregate function '" + a.namespace() + "." + f.name() + "'", a.namespace(),
                        a.namespace() + "." + f.name(), f.execution(), inputs, false, f.pos()));
            }
        }
        return out;
    }

    static Set<String> variables(String template) {
        Set<String> out = new LinkedHashSet<>();
        if (template == null) return out;
        Matcher m = ROUTE_VARIABLE.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static void names(List<ExposedParameter> params, Set<String> into) {
        for (var p : params) if (p.name() != null) into.add(p.name());
    }
}
