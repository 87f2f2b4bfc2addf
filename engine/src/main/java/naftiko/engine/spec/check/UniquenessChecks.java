package naftiko.engine.spec.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.ControlExposes;
import naftiko.engine.spec.model.Exposes;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.SourcePos;
import naftiko.engine.spec.model.Spec;

/** Namespaces, listen addresses, operation, function and tool names that must not repeat. */
final class UniquenessChecks {
    private UniquenessChecks() {}

    private record Declared(String kind, SourcePos pos) {}

    private record Named(String ns, String kind, SourcePos pos) {}

    static void run(Spec spec, Report report) {
        List<Named> named = new ArrayList<>();
        List<Bind> binds = new ArrayList<>(spec.binds());
        List<Consumes> consumes = new ArrayList<>(spec.consumes());
        if (spec.isCapability()) {
            var c = spec.capability();
            consumes = new ArrayList<>(c.consumes());
            binds.addAll(c.binds());
            for (Exposes e : c.exposes()) if (e.namespace() != null) named.add(new Named(e.namespace(), e.type() + " adapter", e.pos()));
            for (var a : c.aggregates()) if (a.namespace() != null) named.add(new Named(a.namespace(), "aggregate", a.pos()));
            addresses(c.exposes(), report);
            functions(c.aggregates(), report);
        }
        for (Consumes c : consumes) if (c.namespace() != null) named.add(new Named(c.namespace(), "consumes", c.pos()));
        for (Bind b : binds) if (b.namespace() != null) named.add(new Named(b.namespace(), "bind", b.pos()));
        // report the later declaration, in file order
        named.sort(java.util.Comparator.comparingInt((Named n) -> n.pos().line()).thenComparingInt(n -> n.pos().column()));
        Map<String, Declared> namespaces = new LinkedHashMap<>();
        for (Named n : named) namespace(namespaces, n.ns(), n.kind(), n.pos(), report);
        for (Consumes c : consumes) operations(c, report);
    }

    private static void namespace(Map<String, Declared> seen, String ns, String kind, SourcePos pos, Report report) {
        Declared first = seen.putIfAbsent(ns, new Declared(kind, pos));
        if (first == null) return;
        report.error(Rules.DUPLICATE_NAMESPACE, "namespace '" + ns + "' (" + kind + ") is already used by a " + first.kind()
                        + (first.pos().file() != null && first.pos().file().equals(pos.file()) ? " at line " + first.pos().line() : ""),
                "namespaces must be unique across consumes, exposes, binds and aggregates; rename one", pos);
    }

    private static void addresses(List<Exposes> exposes, Report report) {
        List<Exposes> listening = new ArrayList<>();
        ControlExposes control = null;
        for (Exposes e : exposes) {
            if (e instanceof ControlExposes c) {
                if (control != null) {
                    report.error(Rules.DUPLICATE_ADDRESS, "a capability has at most one control adapter", "first declared at line "
                            + control.pos().line(), c.pos());
                }
                control = c;
            }
            if (e.port() == null || e instanceof McpExposes m && m.isStdio()) continue;
            for (Exposes other : listening) {
                if (!other.port().equals(e.port())) continue;
                String a = address(e), b = address(other);
                if (a.equals(b) || a.equals("0.0.0.0") || b.equals("0.0.0.0")) {
                    report.error(Rules.DUPLICATE_ADDRESS, e.type() + " adapter" + (e.namespace() == null ? "" : " '" + e.namespace() + "'")
                                    + " listens on " + a + ":" + e.port() + ", already taken by the " + other.type() + " adapter"
                                    + (other.namespace() == null ? "" : " '" + other.namespace() + "'") + " (line " + other.pos().line() + ")",
                            "give each adapter its own port", e.pos());
                    break;
                }
            }
            listening.add(e);
        }
    }

    /** Where an adapter listens when the file does not say: REST and skill on all interfaces, MCP and control on localhost. */
    private static String address(Exposes e) {
        String a = e.address();
        if (a != null && !a.isBlank()) return a.equals("127.0.0.1") ? "localhost" : a;
        return e.type().equals("rest") || e.type().equals("skill") ? "0.0.0.0" : "localhost";
    }

    private static void operations(Consumes c, Report report) {
        Map<String, SourcePos> seen = new HashMap<>();
        for (var r : c.resources()) {
            for (var o : r.operations()) {
                if (o.name() == null) continue;
                SourcePos first = seen.putIfAbsent(o.name(), o.pos());
                if (first != null) {
                    report.error(Rules.DUPLICATE_OPERATION, "operation name '" + o.name() + "' is declared twice in consumes '" + c.namespace()
                            + "' (first at line " + first.line() + ")", "calls name operations as namespace.operation, so the target is ambiguous; rename one",
                            o.pos());
                }
            }
        }
    }

    private static void functions(List<naftiko.engine.spec.model.Aggregate> aggregates, Report report) {
        for (var a : aggregates) {
            Map<String, SourcePos> seen = new HashMap<>();
            for (var f : a.functions()) {
                if (f.name() == null) continue;
                SourcePos first = seen.putIfAbsent(f.name(), f.pos());
                if (first != null) {
                    report.error(Rules.DUPLICATE_FUNCTION, "function '" + f.name() + "' is declared twice in aggregate '" + a.namespace() + "'",
                            "first at line " + first.line(), f.pos());
                }
            }
        }
    }
}
