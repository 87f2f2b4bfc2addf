package naftiko.engine.spec.read;

import java.util.List;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.ControlExposes;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code type: control} (§16). {@code management} and {@code observability} are kept as JSON trees
 * for the runtime, but their fields are checked here so typos and wrong types are located.
 */
final class ControlReader {
    static final List<String> LANGUAGES = List.of("javascript", "python", "groovy");

    private ControlReader() {}

    static ControlExposes control(YamlMap m) {
        m.rename("control adapter");
        Integer port = m.integer("port", 1, 65535);
        if (!m.has("port")) m.missing("port");
        String address = m.string("address");
        var auth = AuthReader.read(m);
        Node management = m.node("management");
        Node observability = m.node("observability");
        management(m.map("management", "'management' of the control adapter"));
        observability(m.map("observability", "'observability' of the control adapter"));
        m.unknownFields();
        return new ControlExposes(port, address, auth, management == null ? null : Nodes.toJson(management),
                observability == null ? null : Nodes.toJson(observability), m.pos());
    }

    private static void management(YamlMap g) {
        if (g == null) return;
        g.bool("health");
        g.bool("info");
        g.bool("reload");
        g.bool("validate");
        Node logs = g.node("logs");
        if (logs instanceof ScalarNode) {
            g.bool("logs");
        } else if (logs != null) {
            YamlMap l = g.map("logs", "'logs' of management");
            if (l != null) {
                l.bool("level-control");
                l.bool("stream");
                l.integer("max-subscribers", 1, 20);
                l.unknownFields();
            }
        }
        YamlMap s = g.map("scripting", "'scripting' of management");
        if (s != null) {
            s.bool("enabled");
            s.string("defaultLocation");
            s.oneOf("defaultLanguage", LANGUAGES);
            s.integer("timeout", 1, Integer.MAX_VALUE);
            s.integer("statementLimit", 1, Integer.MAX_VALUE);
            for (String lang : s.strings("allowedLanguages")) {
                if (!LANGUAGES.contains(lang)) {
                    s.report().error(Rules.INVALID_VALUE, "'allowedLanguages' contains '" + lang + "'; expected any of "
                            + String.join(", ", LANGUAGES), null, s.pos("allowedLanguages"));
                }
            }
            s.unknownFields();
        }
        g.unknownFields();
    }

    private static void observability(YamlMap o) {
        if (o == null) return;
        o.bool("enabled");
        YamlMap metrics = o.map("metrics", "'metrics' of observability");
        if (metrics != null) {
            local(metrics.map("local", "'local' of metrics"), false);
            metrics.unknownFields();
        }
        YamlMap traces = o.map("traces", "'traces' of observability");
        if (traces != null) {
            Node sampling = traces.node("sampling");
            if (sampling != null) {
                double v = -1;
                if (sampling instanceof ScalarNode sn) {
                    try {
                        v = Double.parseDouble(sn.getValue());
                    } catch (NumberFormatException e) {
                        v = -1;
                    }
                }
                if (v < 0 || v > 1) {
                    traces.report().error(Rules.INVALID_VALUE, "'sampling' must be a number from 0 to 1, got " + Nodes.describe(sampling),
                            null, traces.pos("sampling"));
                }
            }
            traces.oneOf("propagation", List.of("w3c", "b3"));
            local(traces.map("local", "'local' of traces"), true);
            traces.unknownFields();
        }
        YamlMap exporters = o.map("exporters", "'exporters' of observability");
        if (exporters != null) {
            YamlMap otlp = exporters.map("otlp", "'otlp' of exporters");
            if (otlp != null) {
                otlp.requiredString("endpoint");
                otlp.unknownFields();
            }
            exporters.unknownFields();
        }
        o.unknownFields();
    }

    private static void local(YamlMap l, boolean traces) {
        if (l == null) return;
        l.bool("enabled");
        if (traces) l.integer("buffer-size", 10, 10000);
        l.unknownFields();
    }
}
