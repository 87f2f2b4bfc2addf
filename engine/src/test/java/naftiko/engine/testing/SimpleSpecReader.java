package naftiko.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.model.*;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * TEST ONLY: reads the simple subset of a capability file (binds, consumes, REST/MCP exposures with
 * call/with/steps/outputs, aggregates) into model records, applying the loader's canonicalisation
 * ({@code rest./tools./mcp.} → the adapter namespace, consumed {@code {x}} → {@code {{x}}},
 * {@code $.} → {@code $}). Lets engine tests run real files independently of the loader; it is not
 * the loader and does no checking. Positions are line 0.
 */
@SuppressWarnings("unchecked")
public final class SimpleSpecReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    private SimpleSpecReader(Path file) {
        this.file = file;
    }

    public static Spec read(Path file) {
        try {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(file));
            return new SimpleSpecReader(file).spec(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private SourcePos pos() {
        return new SourcePos(file, 0, 0);
    }

    private Spec spec(Map<String, Object> root) {
        Map<String, Object> info = map(root.get("info"));
        Map<String, Object> cap = map(root.get("capability"));
        List<Exposes> exposes = new ArrayList<>();
        for (Map<String, Object> e : list(cap.get("exposes"))) {
            String ns = str(e.get("namespace"));
            switch (str(e.get("type"))) {
                case "rest" -> exposes.add(new RestExposes(ns, (Integer) e.get("port"), str(e.get("address")), str(e.get("description")),
                        auth(e.get("authentication")), exposedParams(e.get("inputParameters")), restResources(e.get("resources"), ns), pos()));
                case "mcp" -> exposes.add(new McpExposes(ns, e.get("transport") == null ? "http" : str(e.get("transport")),
                        (Integer) e.get("port"), str(e.get("address")), str(e.get("description")), auth(e.get("authentication")),
                        tools(e.get("tools"), ns), List.of(), List.of(), pos()));
                default -> { }
            }
        }
        List<Consumes> consumes = new ArrayList<>();
        for (Map<String, Object> c : list(cap.get("consumes"))) {
            List<ConsumedResource> resources = new ArrayList<>();
            for (Map<String, Object> r : list(c.get("resources"))) {
                List<ConsumedOperation> ops = new ArrayList<>();
                for (Map<String, Object> o : list(r.get("operations"))) {
                    List<ConsumedOutput> outs = new ArrayList<>();
                    for (Map<String, Object> out : list(o.get("outputParameters"))) {
                        outs.add(new ConsumedOutput(str(out.get("name")), str(out.get("type")), jsonPath(str(out.get("value"))), pos()));
                    }
                    Object body = o.get("body");
                    RequestBody rb = body == null ? null : body instanceof String s
                            ? new RequestBody("raw", JSON.valueToTree(s), pos())
                            : new RequestBody(str(map(body).get("type")), JSON.valueToTree(map(body).get("data")), pos());
                    ops.add(new ConsumedOperation(str(o.get("name")), str(o.get("method")), str(o.get("label")), str(o.get("description")),
                            consumedParams(o.get("inputParameters")), str(o.get("outputRawFormat")), str(o.get("outputSchema")), outs, rb, pos()));
                }
                String path = str(r.get("path")).replaceAll("(?<!\\{)\\{([A-Za-z0-9_.-]+)}(?!})", "{{$1}}");
                resources.add(new ConsumedResource(str(r.get("name")), str(r.get("label")), str(r.get("description")), path,
                        consumedParams(r.get("inputParameters")), ops, pos()));
            }
            consumes.add(new Consumes(str(c.get("namespace")), str(c.get("baseUri")), str(c.get("description")),
                    consumedParams(c.get("inputParameters")), auth(c.get("authentication")), resources, null, pos()));
        }
        List<Aggregate> aggregates = new ArrayList<>();
        for (Map<String, Object> a : list(cap.get("aggregates"))) {
            String ns = str(a.get("namespace"));
            List<Aggregate.Function> fns = new ArrayList<>();
            for (Map<String, Object> f : list(a.get("functions"))) {
                Map<String, Object> sem = map(f.get("semantics"));
                fns.add(new Aggregate.Function(str(f.get("name")), str(f.get("description")),
                        f.get("semantics") == null ? null : new Aggregate.Semantics((Boolean) sem.get("safe"), (Boolean) sem.get("idempotent"), (Boolean) sem.get("cacheable")),
                        exposedParams(f.get("inputParameters")), execution(f, ns, ns), pos()));
            }
            aggregates.add(new Aggregate(str(a.get("label")), ns, fns, pos()));
        }
        return new Spec(file, str(root.get("naftiko")),
                new Info(str(info.get("label")), str(info.get("description")), List.of(), null, null, List.of(), pos()),
                binds(root.get("binds")), new CapabilityBlock(exposes, consumes, binds(cap.get("binds")), aggregates, pos()), null, pos());
    }

    private List<Bind> binds(Object o) {
        List<Bind> out = new ArrayList<>();
        for (Map<String, Object> b : list(o)) {
            Map<String, String> keys = new LinkedHashMap<>();
            map(b.get("keys")).forEach((k, v) -> keys.put(k, str(v)));
            out.add(new Bind(str(b.get("namespace")), str(b.get("description")), str(b.get("location")), keys, Map.of(), new SourcePos(file, 11, 3)));
        }
        return out;
    }

    private List<RestResource> restResources(Object o, String ns) {
        List<RestResource> out = new ArrayList<>();
        for (Map<String, Object> r : list(o)) {
            List<RestOperation> ops = new ArrayList<>();
            for (Map<String, Object> op : list(r.get("operations"))) {
                ops.add(new RestOperation(str(op.get("method")), str(op.get("name")), str(op.get("label")), str(op.get("description")),
                        exposedParams(op.get("inputParameters")), execution(op, "rest", ns), pos()));
            }
            Map<String, Object> fw = map(r.get("forward"));
            RestResource.Forward forward = r.get("forward") == null ? null
                    : new RestResource.Forward(str(fw.get("targetNamespace")), (List<String>) fw.get("trustedHeaders"), pos());
            out.add(new RestResource(str(r.get("path")), str(r.get("name")), str(r.get("label")), str(r.get("description")),
                    exposedParams(r.get("inputParameters")), ops, forward, pos()));
        }
        return out;
    }

    private List<McpTool> tools(Object o, String ns) {
        List<McpTool> out = new ArrayList<>();
        for (Map<String, Object> t : list(o)) {
            Map<String, Object> h = map(t.get("hints"));
            McpTool.Hints hints = t.get("hints") == null ? null : new McpTool.Hints((Boolean) h.get("readOnly"),
                    (Boolean) h.get("destructive"), (Boolean) h.get("idempotent"), (Boolean) h.get("openWorld"));
            out.add(new McpTool(str(t.get("name")), str(t.get("label")), str(t.get("description")), exposedParams(t.get("inputParameters")),
                    hints, execution(t, "tools", ns), pos()));
        }
        return out;
    }

    private Execution execution(Map<String, Object> u, String alias, String ns) {
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> s : list(u.get("steps"))) {
            if ("lookup".equals(s.get("type"))) {
                steps.add(new Step.Lookup(str(s.get("name")), str(s.get("index")), str(s.get("match")), str(s.get("lookupValue")),
                        (List<String>) s.get("outputParameters"), pos()));
            } else {
                steps.add(new Step.Call(str(s.get("name")), str(s.get("call")), with(s.get("with"), alias, ns), pos()));
            }
        }
        List<StepMapping> mappings = new ArrayList<>();
        for (Map<String, Object> m : list(u.get("mappings"))) {
            mappings.add(new StepMapping(str(m.get("targetName")), str(m.get("value")), pos()));
        }
        List<OutputParameter> outs = new ArrayList<>();
        for (Map<String, Object> p : list(u.get("outputParameters"))) outs.add(output(p));
        return new Execution(str(u.get("call")), pos(), with(u.get("with"), alias, ns), steps, mappings, str(u.get("ref")), pos(), outs);
    }

    private OutputParameter output(Map<String, Object> p) {
        Map<String, OutputParameter> props = new LinkedHashMap<>();
        map(p.get("properties")).forEach((k, v) -> props.put(k, output(map(v))));
        List<OutputParameter> items = new ArrayList<>();
        Object it = p.get("items");
        if (it instanceof Map<?, ?> m) items.add(output((Map<String, Object>) m));
        else for (Map<String, Object> m : list(it)) items.add(output(m));
        return new OutputParameter(str(p.get("name")), str(p.get("type")), jsonPath(str(p.get("mapping"))), str(p.get("value")),
                null, props, items, pos());
    }

    private List<WithEntry> with(Object o, String alias, String ns) {
        List<WithEntry> out = new ArrayList<>();
        map(o).forEach((k, v) -> {
            Object value = v;
            if (v instanceof String s && s.startsWith(alias + ".")) value = ns + s.substring(alias.length());
            out.add(new WithEntry(k, value, pos()));
        });
        return out;
    }

    private List<ConsumedParameter> consumedParams(Object o) {
        List<ConsumedParameter> out = new ArrayList<>();
        for (Map<String, Object> p : list(o)) {
            out.add(new ConsumedParameter(str(p.get("name")), str(p.get("in")), str(p.get("value")), str(p.get("type")),
                    str(p.get("description")), (Boolean) p.get("required"), pos()));
        }
        return out;
    }

    private List<ExposedParameter> exposedParams(Object o) {
        List<ExposedParameter> out = new ArrayList<>();
        for (Map<String, Object> p : list(o)) {
            out.add(new ExposedParameter(str(p.get("name")), str(p.get("in")), str(p.get("type")), str(p.get("description")),
                    str(p.get("pattern")), str(p.get("value")), (Boolean) p.get("required"), pos()));
        }
        return out;
    }

    private Authentication auth(Object o) {
        if (o == null) return null;
        Map<String, Object> a = map(o);
        return new Authentication(str(a.get("type")), str(a.get("username")), str(a.get("password")), str(a.get("token")),
                str(a.get("key")), str(a.get("value")), str(a.get("placement")), null, null, null, null, null, null, pos());
    }

    private static String jsonPath(String s) {
        return "$.".equals(s) ? "$" : s;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<Map<String, Object>> list(Object o) {
        return o instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
