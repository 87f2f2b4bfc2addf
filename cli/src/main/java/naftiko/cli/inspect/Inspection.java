package naftiko.cli.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import naftiko.engine.bind.BindResolver;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.ControlEndpoint;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.PlanException;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.SkillExposes;

/**
 * What {@code naftiko run} would mount for a capability planned in dry-run mode, as one JSON tree
 * (the text format is rendered from it). Bind values are never read into it: only whether each is set.
 */
public final class Inspection {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Inspection() {}

    /**
     * @param environment the process environment; {@code extraValues} come from {@code --env-file}
     * @param baseUris    {@code --base-uri} overrides
     */
    public static ObjectNode of(Capability c, String source, Map<String, String> environment,
                                Map<String, String> extraValues, Map<String, String> baseUris) {
        ObjectNode o = JSON.objectNode();
        o.put("capability", c.name());
        o.put("source", source);
        ArrayNode upstreams = o.putArray("upstreams");
        List<Consumes> consumes = c.spec().capability().consumes() == null ? List.of() : c.spec().capability().consumes();
        for (Consumes k : consumes) upstreams.add(upstream(k, environment, baseUris));
        ArrayNode binds = o.putArray("binds");
        List<Bind> all = new ArrayList<>();
        if (c.spec().binds() != null) all.addAll(c.spec().binds());
        if (c.spec().capability().binds() != null) all.addAll(c.spec().capability().binds());
        for (Bind b : all) {
            for (Map.Entry<String, String> key : b.keys().entrySet()) {
                binds.add(bind(b, key.getKey(), key.getValue() == null ? key.getKey() : key.getValue(), c, environment, extraValues));
            }
        }
        ArrayNode rest = o.putArray("rest");
        for (RestEndpoint r : c.rest()) rest.add(rest(r));
        ArrayNode mcp = o.putArray("mcp");
        for (McpEndpoint m : c.mcp()) mcp.add(mcp(m));
        ArrayNode skills = o.putArray("skills");
        for (SkillExposes s : c.skills()) {
            ObjectNode x = skills.addObject();
            x.put("namespace", s.namespace());
            x.put("address", s.address() == null ? "127.0.0.1" : s.address());
            if (s.port() != null) x.put("port", s.port());
            ArrayNode names = x.putArray("skills");
            if (s.skills() != null) s.skills().forEach(k -> names.add(k.name()));
        }
        ControlEndpoint ce = c.controlEndpoint();
        if (ce == null) {
            o.putNull("control");
        } else {
            ObjectNode x = o.putObject("control");
            x.put("address", ce.address());
            x.put("port", ce.port());
            x.put("authentication", ce.auth() != null);
            ArrayNode paths = x.putArray("endpoints");
            if (ce.health()) paths.add("/health/live").add("/health/ready");
            if (ce.info()) paths.add("/status");
            if (ce.metrics()) paths.add("/metrics");
        }
        ArrayNode warnings = o.putArray("warnings");
        c.warnings().forEach(w -> warnings.add(w.format()));
        return o;
    }

    private static ObjectNode upstream(Consumes k, Map<String, String> environment, Map<String, String> overrides) {
        ObjectNode x = JSON.objectNode();
        String variable = CapabilityPlanner.baseUriVariable(k.namespace());
        String override = overrides.get(k.namespace());
        String fromEnv = environment.get(variable);
        x.put("namespace", k.namespace());
        if (override != null && !override.isBlank()) {
            x.put("baseUri", withoutUserInfo(override.strip()));
            x.put("from", "--base-uri");
        } else if (fromEnv != null && !fromEnv.isBlank()) {
            x.put("baseUri", withoutUserInfo(fromEnv.strip()));
            x.put("from", variable);
        } else if (k.baseUri() != null && !k.baseUri().isBlank()) {
            x.put("baseUri", k.baseUri()); // as written: a template is shown, never its rendered value
            x.put("from", "file");
        } else {
            x.put("baseUri", "<base-uri:" + k.namespace() + ">");
            x.put("from", "missing: pass --base-uri " + k.namespace() + "=URL or set " + variable);
        }
        return x;
    }

    private static ObjectNode bind(Bind b, String variable, String key, Capability c, Map<String, String> environment,
                                   Map<String, String> extraValues) {
        ObjectNode x = JSON.objectNode();
        x.put("namespace", b.namespace());
        x.put("variable", variable);
        x.put("from", b.location() == null ? "env " + key : b.location() + " key " + key);
        boolean set;
        try { // resolve this one key for real, keeping only the verdict
            new BindResolver(environment, extraValues, false).resolve(List.of(new Bind(b.namespace(), b.description(),
                    b.location(), Map.of(variable, key), Map.of(), b.pos())), c.spec().file());
            set = true;
        } catch (PlanException e) {
            set = false;
        }
        x.put("set", set);
        return x;
    }

    private static ObjectNode rest(RestEndpoint r) {
        ObjectNode x = JSON.objectNode();
        x.put("namespace", r.namespace());
        x.put("address", r.address());
        x.put("port", r.port());
        x.put("authentication", r.auth() != null);
        ArrayNode routes = x.putArray("routes");
        for (RestEndpoint.RestRoute route : r.routes()) {
            ObjectNode y = routes.addObject();
            y.put("method", route.method());
            y.put("path", route.pathTemplate());
            y.put("unit", route.unit().name());
            y.put("target", route.unit().target());
        }
        return x;
    }

    private static ObjectNode mcp(McpEndpoint m) {
        ObjectNode x = JSON.objectNode();
        x.put("namespace", m.namespace());
        x.put("transport", m.transport());
        if (!"stdio".equalsIgnoreCase(m.transport())) {
            x.put("address", m.address());
            if (m.port() != null) x.put("port", m.port());
        }
        x.put("authentication", m.auth() != null);
        ArrayNode tools = x.putArray("tools");
        for (Unit t : m.tools()) {
            ObjectNode y = tools.addObject();
            y.put("name", t.name());
            if (t.description() != null) y.put("description", t.description());
            y.put("target", t.target());
            y.set("inputSchema", t.inputSchema());
        }
        ArrayNode resources = x.putArray("resources");
        m.resources().forEach(r -> resources.add(r.uri()));
        ArrayNode prompts = x.putArray("prompts");
        m.prompts().forEach(p -> prompts.add(p.name()));
        return x;
    }

    /** {@code https://user:pw@host} shows as {@code https://***@host}: credentials never reach the output. */
    static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@');
        int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (scheme < 0 || at < 0 || (slash >= 0 && at > slash)) return url;
        return url.substring(0, scheme + 3) + "***" + url.substring(at);
    }

    /** The path of a file argument, as shown. */
    public static String source(Path path, boolean bundled, String name) {
        return bundled ? "bundled:" + name : path.toString();
    }
}
