package naftiko.rest.skill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import naftiko.engine.bind.BindResolver;
import naftiko.engine.run.Capability;
import naftiko.engine.spec.model.SkillExposes;
import naftiko.engine.spec.model.SkillExposes.Skill;
import naftiko.engine.spec.model.SkillExposes.SkillTool;

/**
 * The catalog of one skill exposure (SPEC.md §15.2), rendered once at start-up: the
 * {@code /skills} list, one metadata document per skill, and each skill's directory.
 */
final class SkillCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final byte[] list;
    private final Map<String, byte[]> details;
    private final Map<String, SkillDirectory> directories;

    private SkillCatalog(byte[] list, Map<String, byte[]> details, Map<String, SkillDirectory> directories) {
        this.list = list;
        this.details = details;
        this.directories = directories;
    }

    static SkillCatalog of(SkillExposes exposes, Capability capability) {
        Set<String> rest = capability.rest().stream().map(r -> r.namespace()).collect(Collectors.toSet());
        Set<String> mcp = capability.mcp().stream().map(m -> m.namespace()).collect(Collectors.toSet());
        Path baseDir = capability.spec().file() == null || capability.spec().file().getParent() == null
                ? Path.of("").toAbsolutePath() : capability.spec().file().toAbsolutePath().getParent();
        List<Skill> skills = exposes.skills() == null ? List.of() : exposes.skills();

        ObjectNode root = JSON.createObjectNode();
        root.put("count", skills.size());
        ArrayNode summaries = root.putArray("skills");
        Map<String, byte[]> details = new LinkedHashMap<>();
        Map<String, SkillDirectory> directories = new LinkedHashMap<>();
        for (Skill skill : skills) {
            ObjectNode summary = summaries.addObject();
            summary.put("name", skill.name());
            summary.put("description", skill.description());
            if (skill.license() != null) summary.put("license", skill.license());
            ArrayNode names = summary.putArray("tools");
            tools(skill).forEach(t -> names.add(t.name()));
            details.put(skill.name(), bytes(detail(skill, rest, mcp)));
            if (skill.location() != null) {
                directories.put(skill.name(), new SkillDirectory(BindResolver.filePath(skill.location(), baseDir)));
            }
        }
        return new SkillCatalog(bytes(root), Map.copyOf(details), Map.copyOf(directories));
    }

    byte[] list() {
        return list;
    }

    /** The metadata document of a skill, or null when there is no such skill. */
    byte[] detail(String name) {
        return details.get(name);
    }

    boolean has(String name) {
        return details.containsKey(name);
    }

    /** The skill's {@code location} directory, or null when it declares none. */
    SkillDirectory directory(String name) {
        return directories.get(name);
    }

    int size() {
        return details.size();
    }

    private static ObjectNode detail(Skill skill, Set<String> rest, Set<String> mcp) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", skill.name());
        node.put("description", skill.description());
        if (skill.license() != null) node.put("license", skill.license());
        if (skill.compatibility() != null) node.put("compatibility", skill.compatibility());
        if (skill.metadata() != null && !skill.metadata().isEmpty()) {
            ObjectNode meta = node.putObject("metadata");
            skill.metadata().forEach(meta::put);
        }
        if (skill.allowedTools() != null) node.put("allowed-tools", skill.allowedTools());
        if (skill.argumentHint() != null) node.put("argument-hint", skill.argumentHint());
        node.put("user-invocable", skill.userInvocable());
        node.put("disable-model-invocation", skill.disableModelInvocation());
        if (skill.location() != null) node.put("location", skill.location());
        ArrayNode tools = node.putArray("tools");
        for (SkillTool tool : tools(skill)) {
            ObjectNode t = tools.addObject();
            t.put("name", tool.name());
            t.put("description", tool.description());
            if (tool.instruction() != null) {
                t.put("type", "instruction");
                t.put("instruction", tool.instruction());
            } else {
                t.put("type", "derived");
                ObjectNode ref = t.putObject("invocationRef");
                ref.put("targetNamespace", tool.fromNamespace());
                ref.put("action", tool.fromAction());
                // The loader checked that the source is a sibling rest or mcp exposure.
                ref.put("mode", rest.contains(tool.fromNamespace()) ? "rest"
                        : mcp.contains(tool.fromNamespace()) ? "mcp" : "unknown");
            }
        }
        return node;
    }

    private static List<SkillTool> tools(Skill skill) {
        return skill.tools() == null ? List.of() : skill.tools();
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
