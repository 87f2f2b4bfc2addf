package naftiko.control;

import java.time.Instant;
import java.util.List;
import naftiko.engine.run.Capability;

/**
 * What the control port reports, published by the run session at start-up and after each reload.
 *
 * @param capabilities every capability the session serves (or tried to)
 * @param lastReload   when the set last changed (start-up counts)
 * @param diagnostics  formatted load/plan findings ({@code file:line:col: ...}), never a value
 */
public record ControlState(List<Mounted> capabilities, Instant lastReload, List<String> diagnostics) {

    /**
     * One capability.
     *
     * @param source    the file it came from ({@code bundled:NAME} for a capability from the jar)
     * @param exposures its servers, with their state
     */
    public record Mounted(Capability capability, String source, List<Exposure> exposures) {
        public boolean mounted() {
            return exposures.stream().allMatch(Exposure::started);
        }
    }

    /** One exposure: {@code rest}, {@code mcp} or {@code skill}, its URL once listening. */
    public record Exposure(String type, String namespace, String url, boolean started) {}

    /** Ready when every capability is mounted (every exposure listening). */
    public boolean ready() {
        return capabilities.stream().allMatch(Mounted::mounted);
    }
}
