package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.spec.model.ConsumedResource;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.spec.model.RequestBody;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Inline consumes (§5.1, §5.3–5.7); imported entries are handed to {@link Imports}. */
final class ConsumesReader {
    static final Pattern BASE_URI = Pattern.compile("^https?://[^/]+(/[^{]*)?$");
    static final List<String> FORMATS = List.of("json", "xml", "avro", "protobuf", "csv", "tsv", "psv", "yaml", "html", "markdown");
    static final List<String> BODY_TYPES = List.of("json", "text", "xml", "sparql", "formUrlEncoded", "multipartForm");

    private ConsumesReader() {}

    static List<Consumes> list(YamlMap owner, Imports imports) {
        return owner.maps("consumes", m -> m.has("location") || m.has("import") ? imports.resolve(m) : inline(m),
                i -> "consumes #" + (i + 1));
    }

    static Consumes inline(YamlMap m) {
        String type = m.oneOf("type", List.of("http"));
        if (type == null && !m.has("type")) m.missing("type");
        String ns = Names.kebab(m, "namespace", true);
        YamlMap named = m;
        String what = "consumes '" + ns + "'";
        m.rename(what);
        String baseUri = baseUri(m, what);
        String description = m.string("description");
        var params = ParamReader.consumed(m);
        var auth = AuthReader.read(m);
        List<String> oddNames = new ArrayList<>();
        List<ConsumedResource> resources = m.maps("resources", r -> resource(r, oddNames), i -> "resource #" + (i + 1) + " of " + what);
        if (!oddNames.isEmpty()) {
            m.report().leniency(Rules.NAME_PATTERN, oddNames.size() + " resource name(s) of " + what + " are not kebab-case, e.g. '"
                    + oddNames.get(0) + "'", "kept as written: resource names play no role at run time", m.pos("resources"));
        }
        named.unknownFields();
        return new Consumes(ns, baseUri, description, params, auth, resources, null, m.pos());
    }

    private static String baseUri(YamlMap m, String what) {
        String v = m.string("baseUri");
        if (v == null || v.isEmpty()) {
            m.report().leniency(Rules.BASEURI_EMPTY, what + " has " + (v == null ? "no" : "an empty") + " baseUri",
                    "the operator supplies it at run time (base URI override)", m.has("baseUri") ? m.pos("baseUri") : m.pos());
            return "";
        }
        if (v.endsWith("/")) {
            m.report().error(Rules.BASEURI_TRAILING_SLASH, "baseUri '" + v + "' of " + what + " must not end with a trailing slash",
                    "remove the trailing '/': '" + v.replaceAll("/+$", "") + "'", m.pos("baseUri"));
        } else if (!BASE_URI.matcher(v).matches()) {
            m.report().leniency(Rules.BASEURI_PATTERN, "baseUri '" + v + "' of " + what + " is not scheme://host[/path]",
                    "expected e.g. https://api.example.test/v1", m.pos("baseUri"));
        }
        return v;
    }

    private static ConsumedResource resource(YamlMap r, List<String> oddNames) {
        String name = r.requiredString("name");
        r.rename("consumed resource '" + name + "'");
        if (name != null && !Names.KEBAB.matcher(name).matches()) oddNames.add(name);
        String what = "consumed resource '" + name + "'";
        String path = r.requiredString("path");
        if (path != null && Normalise.hasSingleBrace(path)) {
            String canonical = Normalise.consumedPath(path);
            r.report().leniency(Rules.PATH_SINGLE_BRACE, "consumed path '" + path + "' uses single-brace placeholders",
                    "read as '" + canonical + "'", r.pos("path"));
            path = canonical;
        }
        String label = r.string("label");
        String description = r.string("description");
        var params = ParamReader.consumed(r);
        List<ConsumedOperation> ops = r.maps("operations", ConsumesReader::operation, i -> "operation #" + (i + 1) + " of " + what);
        if (!r.has("operations")) r.missing("operations");
        r.unknownFields();
        return new ConsumedResource(name, label, description, path, params, ops, r.pos());
    }

    private static ConsumedOperation operation(YamlMap o) {
        String name = o.string("name");
        if (name == null) o.missing("name");
        o.rename("consumed operation '" + name + "'");
        if (name == null) {
            // reported above
        } else if (!Names.KEBAB.matcher(name).matches()) {
            o.report().leniency(Rules.NAME_PATTERN, "operation name '" + name + "' is not kebab-case ([a-zA-Z0-9-]+)", "kept as written", o.pos("name"));
        }
        String method = Names.method(o, "GET");
        String label = o.string("label");
        String description = o.string("description");
        var params = ParamReader.consumed(o);
        String format = o.string("outputRawFormat");
        if (format != null && !FORMATS.contains(format.toLowerCase())) {
            o.report().error(Rules.INVALID_VALUE, "'outputRawFormat' is '" + format + "'; expected one of " + String.join(", ", FORMATS),
                    naftiko.engine.spec.Suggest.didYouMean(format, FORMATS), o.pos("outputRawFormat"));
        }
        if (format != null) format = format.toLowerCase();
        String schema = o.string("outputSchema");
        var outputs = OutputReader.consumedOutputs(o);
        RequestBody body = body(o);
        o.unknownFields();
        return new ConsumedOperation(name, method, label, description, params, format, schema, outputs, body, o.pos());
    }

    private static RequestBody body(YamlMap o) {
        Node n = o.node("body");
        if (n == null) return null;
        if (n instanceof ScalarNode s) return new RequestBody("raw", Nodes.toJson(s).isTextual() ? Nodes.toJson(s)
                : com.fasterxml.jackson.databind.node.TextNode.valueOf(s.getValue()), o.report().pos(n));
        if (n instanceof MappingNode) {
            YamlMap b = YamlMap.of(n, o.report(), "body of " + o.what());
            String type = b.oneOf("type", BODY_TYPES);
            if (type == null && !b.has("type")) b.missing("type");
            Node data = b.node("data");
            b.unknownFields();
            if (data == null) {
                b.report().leniency(Rules.BODY_WITHOUT_DATA, "body of " + o.what() + " has a type but no 'data' template",
                        "read as no body template: the body is built from the operation's 'in: body' parameters", b.pos());
                return null;
            }
            return new RequestBody(type, data == null ? null : Nodes.toJson(data), b.pos());
        }
        o.report().error(Rules.WRONG_TYPE, "'body' of " + o.what() + " must be a string or {type, data}, got " + Nodes.describe(n),
                null, o.report().pos(n));
        return null;
    }
}
