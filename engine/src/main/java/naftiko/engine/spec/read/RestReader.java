package naftiko.engine.spec.read;

import java.util.List;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.RestOperation;
import naftiko.engine.spec.model.RestResource;

/** {@code type: rest} (§7). Exposed paths are canonicalised to the route form {@code {x}}. */
final class RestReader {
    private RestReader() {}

    static RestExposes read(YamlMap m) {
        String ns = Names.kebab(m, "namespace", true);
        String what = "REST adapter '" + ns + "'";
        m.rename(what);
        Integer port = m.integer("port", 1, 65535);
        if (!m.has("port")) m.missing("port");
        String address = m.string("address");
        String description = m.string("description");
        if (description != null) {
            m.report().leniency(Rules.REST_DESCRIPTION, what + " has a 'description' (not in the alpha2 schema for REST adapters)",
                    "kept as documentation", m.keyPos("description"));
        }
        var auth = AuthReader.read(m);
        var params = ParamReader.rest(m);
        WithScope scope = WithScope.rest(ns);
        List<RestResource> resources = m.maps("resources", r -> resource(r, scope), i -> "resource #" + (i + 1) + " of " + what);
        m.unknownFields();
        return new RestExposes(ns, port, address, description, auth, params, resources, m.pos());
    }

    private static RestResource resource(YamlMap r, WithScope scope) {
        String written = r.requiredString("path");
        String path = written == null ? null : Normalise.exposedPath(written);
        String name = Names.kebab(r, "name", false);
        String what = "REST resource '" + path + "'";
        r.rename(what);
        String label = r.string("label");
        String description = r.string("description");
        var params = ParamReader.rest(r);
        List<RestOperation> ops = r.maps("operations", o -> operation(o, scope, path), i -> "operation #" + (i + 1) + " of " + what);
        RestResource.Forward forward = null;
        YamlMap f = r.map("forward", "forward of " + what);
        if (f != null) {
            String target = f.requiredString("targetNamespace");
            List<String> trusted = f.strings("trustedHeaders");
            f.unknownFields();
            forward = new RestResource.Forward(target, trusted, f.pos());
        }
        if (!r.has("operations") && forward == null) {
            r.report().error(Rules.REQUIRED_FIELD, what + " has neither 'operations' nor 'forward'", null, r.pos());
        }
        r.unknownFields();
        return new RestResource(path, name, label, description, params, ops, forward, r.pos());
    }

    private static RestOperation operation(YamlMap o, WithScope scope, String path) {
        String method = Names.method(o, null);
        String name = Names.kebab(o, "name", false);
        String what = "REST operation " + (method == null ? "" : method + " ") + path;
        o.rename(what);
        String label = o.string("label");
        String description = o.string("description");
        var params = ParamReader.rest(o);
        var execution = ExecutionReader.read(o, scope);
        o.unknownFields();
        return new RestOperation(method, name, label, description, params, execution, o.pos());
    }
}
