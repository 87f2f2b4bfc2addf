package naftiko.engine.spec.read;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.spec.Rules;
import naftiko.engine.spec.model.SkillExposes;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code type: skill} (§15). */
final class SkillReader {
    private SkillReader() {}

    static SkillExposes skill(YamlMap m) {
        String ns = Names.kebab(m, "namespace", true);
        String what = "skill adapter '" + ns + "'";
        m.rename(what);
        Integer port = m.integer("port", 1, 65535);
        if (!m.has("port")) m.missing("port");
        String address = m.string("address");
        String description = m.string("description");
        var auth = AuthReader.read(m);
        List<SkillExposes.Skill> skills = m.maps("skills", SkillReader::skillEntry, i -> "skill #" + (i + 1) + " of " + what);
        if (!m.has("skills")) {
            m.report().leniency(Rules.SKILL_ADAPTER_EMPTY, what + " declares no 'skills'", "it serves an empty catalog", m.pos());
        }
        m.unknownFields();
        return new SkillExposes(ns, port, address, description, auth, skills, m.pos());
    }

    private static SkillExposes.Skill skillEntry(YamlMap s) {
        String name = Names.kebab(s, "name", true);
        String description = Docs.string(s, "description");
        String license = s.string("license");
        String compatibility = s.string("compatibility");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (NodeTuple t : s.pairs("metadata")) {
            if (t.getValueNode() instanceof ScalarNode v) metadata.put(((ScalarNode) t.getKeyNode()).getValue(), v.getValue());
            else s.report().error(Rules.WRONG_TYPE, "metadata values must be strings", null, s.report().pos(t.getValueNode()));
        }
        String allowedTools = s.string("allowed-tools");
        String argumentHint = s.string("argument-hint");
        Boolean userInvocable = s.bool("user-invocable");
        Boolean disableModel = s.bool("disable-model-invocation");
        String location = s.string("location");
        List<SkillExposes.SkillTool> tools = s.maps("tools", t -> {
            String tn = t.requiredString("name");
            String td = Docs.string(t, "description");
            String fromNs = null, action = null;
            YamlMap from = t.map("from", "'from' of skill tool '" + tn + "'");
            if (from != null) {
                fromNs = from.requiredString("sourceNamespace");
                action = from.requiredString("action");
                from.unknownFields();
            }
            String instruction = t.string("instruction");
            if ((from == null) == (instruction == null)) {
                t.report().error(Rules.INVALID_VALUE, "skill tool '" + tn + "' needs exactly one of 'from' or 'instruction'", null, t.pos());
            }
            if (instruction != null && location == null) {
                t.report().error(Rules.REQUIRED_FIELD, "skill tool '" + tn + "' uses 'instruction' but skill '" + name + "' has no 'location'",
                        null, t.pos("instruction"));
            }
            t.unknownFields();
            return new SkillExposes.SkillTool(tn, td, fromNs, action, instruction, t.pos());
        }, i -> "tool #" + (i + 1) + " of skill '" + name + "'");
        s.unknownFields();
        return new SkillExposes.Skill(name, description, license, compatibility, Map.copyOf(metadata), allowedTools, argumentHint,
                userInvocable == null || userInvocable, disableModel != null && disableModel, location, tools, s.pos());
    }
}
