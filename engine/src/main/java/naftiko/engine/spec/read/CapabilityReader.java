package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.CapabilityBlock;
import naftiko.engine.spec.model.Exposes;
import naftiko.engine.spec.model.Info;
import naftiko.engine.spec.model.SourcePos;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Info, binds, the capability block, its exposes (dispatch by type) and aggregates. */
final class CapabilityReader {
    static final Pattern BIND_VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final List<String> EXPOSES_TYPES = List.of("rest", "mcp", "skill", "control");

    private CapabilityReader() {}

    static Info info(YamlMap root) {
        YamlMap m = root.map("info", "info");
        if (m == null) return null;
        String label = Docs.string(m, "label");
        String description = Docs.string(m, "description");
        List<String> tags = m.strings("tags");
        String created = m.string("created");
        String modified = m.string("modified");
        List<Info.Person> people = m.maps("stakeholders", p -> {
            Info.Person person = new Info.Person(p.requiredString("role"), p.requiredString("fullName"), p.string("email"));
            p.unknownFields();
            return person;
        }, i -> "stakeholder #" + (i + 1));
        m.unknownFields();
        return new Info(label, description, tags, created, modified, people, m.pos());
    }

    static List<Bind> binds(YamlMap owner) {
        return owner.maps("binds", m -> {
            String ns = Names.kebab(m, "namespace", true);
            String description = m.string("description");
            String location = m.string("location");
            Map<String, String> keys = new LinkedHashMap<>();
            Map<String, SourcePos> positions = new LinkedHashMap<>();
            for (NodeTuple t : m.pairs("keys")) {
                String var = ((ScalarNode) t.getKeyNode()).getValue();
                SourcePos pos = m.report().pos(t.getKeyNode());
                if (!(t.getValueNode() instanceof ScalarNode v) || Nodes.isNull(t.getValueNode())) {
                    m.report().error(Rules.WRONG_TYPE, "bind key '" + var + "' must map to a source key (string), got "
                            + Nodes.describe(t.getValueNode()), null, m.report().pos(t.getValueNode()));
                    continue;
                }
                if (!BIND_VARIABLE.matcher(var).matches()) {
                    m.report().leniency(Rules.NAME_PATTERN, "bind variable '" + var + "' is not SCREAMING_SNAKE_CASE", "kept as written", pos);
                }
                keys.put(var, v.getValue());
                positions.put(var, pos);
            }
            if (!m.has("keys")) m.missing("keys");
            m.unknownFields();
            return new Bind(ns, description, location, java.util.Collections.unmodifiableMap(keys),
                    java.util.Collections.unmodifiableMap(positions), m.pos());
        }, i -> "bind #" + (i + 1));
    }

    static CapabilityBlock capability(YamlMap root, Imports imports) {
        YamlMap m = root.map("capability", "capability");
        if (m == null) return null;
        List<Exposes> exposes = new ArrayList<>(m.maps("exposes", CapabilityReader::exposes, i -> "exposes #" + (i + 1)));
        var consumes = ConsumesReader.list(m, imports);
        var binds = binds(m);
        List<Aggregate> aggregates = m.maps("aggregates", CapabilityReader::aggregate, i -> "aggregate #" + (i + 1));
        if (!m.has("exposes") && !m.has("consumes")) {
            m.report().error(Rules.REQUIRED_FIELD, "capability needs 'exposes' or 'consumes'", null, m.pos());
        }
        m.unknownFields();
        return new CapabilityBlock(List.copyOf(exposes), consumes, binds, aggregates, m.pos());
    }

    private static Exposes exposes(YamlMap m) {
        String type = m.oneOf("type", EXPOSES_TYPES);
        if (type == null) {
            if (!m.has("type")) m.missing("type");
            m.unknownFieldsIgnoringAll();
            return null;
        }
        return switch (type) {
            case "rest" -> RestReader.read(m);
            case "mcp" -> McpReader.read(m);
            case "skill" -> SkillReader.skill(m);
            default -> ControlReader.control(m);
        };
    }

    private static Aggregate aggregate(YamlMap m) {
        String label = m.string("label");
        String ns = Names.kebab(m, "namespace", true);
        m.rename("aggregate '" + ns + "'");
        WithScope scope = WithScope.aggregate(ns);
        List<Aggregate.Function> functions = m.maps("functions", f -> {
            String name = Names.kebab(f, "name", true);
            f.rename("aggregate function '" + ns + "." + name + "'");
            String description = f.string("description");
            Aggregate.Semantics semantics = null;
            YamlMap s = f.map("semantics", "semantics of function '" + name + "'");
            if (s != null) {
                semantics = new Aggregate.Semantics(s.bool("safe"), s.bool("idempotent"), s.bool("cacheable"));
                s.unknownFields();
            }
            var params = ParamReader.tool(f);
            var execution = ExecutionReader.read(f, scope);
            f.unknownFields();
            return new Aggregate.Function(name, description, semantics, params, execution, f.pos());
        }, i -> "function #" + (i + 1) + " of aggregate '" + ns + "'");
        if (!m.has("functions")) m.missing("functions");
        m.unknownFields();
        return new Aggregate(label, ns, functions, m.pos());
    }
}
