package naftiko.engine.spec.model;

import java.util.List;
import java.util.Map;

/** {@code type: skill}, a read-only catalog of agent skills (SPEC.md §15). */
public record SkillExposes(
        String namespace,
        Integer port,
        String address,
        String description,
        Authentication authentication,
        List<Skill> skills,
        SourcePos pos) implements Exposes {
    @Override
    public String type() {
        return "skill";
    }

    public record Skill(
            String name,
            String description,
            String license,
            String compatibility,
            Map<String, String> metadata,
            String allowedTools,
            String argumentHint,
            boolean userInvocable,
            boolean disableModelInvocation,
            String location,
            List<SkillTool> tools,
            SourcePos pos) {}

    /** Exactly one of {@code fromNamespace}+{@code fromAction} or {@code instruction}. */
    public record SkillTool(String name, String description, String fromNamespace, String fromAction,
                            String instruction, SourcePos pos) {}
}
