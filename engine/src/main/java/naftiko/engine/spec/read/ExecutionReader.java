package naftiko.engine.spec.read;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import naftiko.engine.spec.Report;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.Execution;
import naftiko.engine.spec.model.Step;
import naftiko.engine.spec.model.StepMapping;
import naftiko.engine.spec.model.WithEntry;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The execution fields shared by every exposed unit: call/with, steps/mappings, ref, outputParameters. */
final class ExecutionReader {
    static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private ExecutionReader() {}

    static Execution read(YamlMap m, WithScope scope) {
        String call = reference(m, "call");
        List<WithEntry> with = with(m, scope);
        List<Step> steps = m.maps("steps", s -> step(s, scope), i -> "step #" + (i + 1) + " of " + m.what());
        List<StepMapping> mappings = m.maps("mappings", ExecutionReader::mapping, i -> "mapping #" + (i + 1) + " of " + m.what());
        String ref = reference(m, "ref");
        return new Execution(call, call == null ? null : m.pos("call"), with, steps, mappings, ref,
                ref == null ? null : m.pos("ref"), OutputReader.outputs(m));
    }

    /** {@code ns.name}: exactly two dot-separated segments. */
    static String reference(YamlMap m, String key) {
        String v = m.string(key);
        if (v != null && !REFERENCE.matcher(v).matches()) {
            m.report().error(Rules.INVALID_VALUE, "'" + key + "' in " + m.what() + " is '" + v + "'; expected namespace.name (exactly one dot)",
                    null, m.pos(key));
            return null;
        }
        return v;
    }

    /** A {@code with} map, with alias prefixes rewritten to the canonical {@code ns.X} (one warning per alias kind). */
    static List<WithEntry> with(YamlMap m, WithScope scope) {
        if (!m.has("with")) return List.of();
        Report report = m.report();
        List<WithEntry> out = new ArrayList<>();
        Set<String> warned = new HashSet<>();
        for (NodeTuple t : m.pairs("with")) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            var pos = report.pos(t.getValueNode());
            if (!(t.getValueNode() instanceof ScalarNode s)) {
                report.error(Rules.WRONG_TYPE, "'with' value of '" + key + "' in " + m.what() + " must be a string or a number, got "
                        + Nodes.describe(t.getValueNode()), null, pos);
                continue;
            }
            Object v = Nodes.scalar(s);
            if (v == null) continue;
            if (v instanceof Number n) {
                out.add(new WithEntry(key, n, pos));
                continue;
            }
            String text = v.toString();
            for (Map.Entry<String, String> alias : scope.aliases().entrySet()) {
                String canonical = Normalise.withReference(text, alias.getKey(), scope.namespace());
                if (canonical == null) continue;
                if (warned.add(alias.getKey())) {
                    report.leniency(alias.getValue(), "'with' in " + m.what() + " refers to the unit's inputs as '" + alias.getKey() + "X'",
                            "read as '" + scope.namespace() + ".X'; write '" + canonical + "'", pos);
                }
                text = canonical;
                break;
            }
            out.add(new WithEntry(key, text, pos));
        }
        return List.copyOf(out);
    }

    static Step step(YamlMap s, WithScope scope) {
        String type = s.oneOf("type", List.of("call", "lookup", "script"));
        String name = s.requiredString("name"); // the lint allows [A-Za-z0-9_-]: no kebab warning
        s.rename("step '" + name + "' of " + s.what().replaceFirst("^step #\\d+ of ", ""));
        if (type == null) {
            if (!s.has("type")) {
                type = s.has("call") ? "call" : s.has("index") ? "lookup" : s.has("file") ? "script" : null;
                if (type == null) {
                    s.missing("type");
                    return null;
                }
            } else {
                return null;
            }
        }
        Step step = switch (type) {
            case "call" -> {
                String call = reference(s, "call");
                if (call == null && !s.has("call")) s.missing("call");
                yield new Step.Call(name, call, with(s, scope), s.pos());
            }
            case "lookup" -> {
                String index = s.requiredString("index");
                String match = s.requiredString("match");
                String lookupValue = s.requiredString("lookupValue");
                List<String> outs = s.strings("outputParameters");
                if (!s.has("outputParameters")) s.missing("outputParameters");
                yield new Step.Lookup(name, index, match, lookupValue, outs, s.pos());
            }
            default -> {
                String file = s.requiredString("file");
                String language = s.oneOf("language", List.of("javascript", "python", "groovy"));
                String location = s.string("location");
                List<String> deps = s.strings("dependencies");
                s.report().warning(Rules.SCRIPT_STEPS_UNSUPPORTED, "script step '" + name + "' needs a script sandbox this runtime does not provide",
                        "calls of this unit will fail; use call/lookup steps", s.pos());
                yield new Step.Script(name, file, language, location, deps, with(s, scope), s.pos());
            }
        };
        s.unknownFields();
        return step;
    }

    static StepMapping mapping(YamlMap m) {
        String target = m.requiredString("targetName");
        String value = m.requiredString("value");
        m.unknownFields();
        return new StepMapping(target, value, m.pos());
    }
}
