package naftiko.engine.run;

import naftiko.engine.spec.model.Spec;

/** Compiles a loaded {@link Spec} into a runnable {@link Capability}. */
public final class CapabilityPlanner {
    private CapabilityPlanner() {}

    /**
     * @throws PlanException when the capability cannot run in this environment (missing bind
     *                       variable, empty base URI without override...), with an actionable message
     */
    public static Capability plan(Spec spec, EngineOptions options) {
        throw new UnsupportedOperationException("planner not written yet");
    }
}
