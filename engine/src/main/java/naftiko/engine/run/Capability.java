package naftiko.engine.run;

import java.util.List;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.model.ControlExposes;
import naftiko.engine.spec.model.SkillExposes;
import naftiko.engine.spec.model.Spec;

/**
 * A planned capability: every exposure compiled into units, binds resolved, upstreams ready.
 * Built once by {@link CapabilityPlanner}; adapters mount what it holds and never read YAML.
 *
 * @param name     {@code info.label}, else the file name without extension
 * @param warnings plan-time warnings (e.g. two inputs normalising to the same name)
 * @param controlEndpoint the compiled {@code control} exposure, or null when the file declares none
 */
public record Capability(
        Spec spec,
        String name,
        List<RestEndpoint> rest,
        List<McpEndpoint> mcp,
        List<SkillExposes> skills,
        ControlExposes control,
        List<Diagnostic> warnings,
        ControlEndpoint controlEndpoint) {

    public Capability(Spec spec, String name, List<RestEndpoint> rest, List<McpEndpoint> mcp, List<SkillExposes> skills,
                      ControlExposes control, List<Diagnostic> warnings) {
        this(spec, name, rest, mcp, skills, control, warnings, null);
    }
}
