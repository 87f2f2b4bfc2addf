package naftiko.engine.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/**
 * The one abstraction at the centre: an exposed unit (a REST operation, an MCP tool, an aggregate
 * function, a forward relay) compiled once at plan time. Adapters translate their protocol to
 * {@link Arguments} and the {@link Outcome} back; every semantic rule of the spec lives behind
 * {@link #invoke}. The returned future completes exceptionally with a {@link UnitFailure} only.
 */
public interface Unit {

    /** MCP tool name, REST operation name (or {@code METHOD path} when unnamed). */
    String name();

    /** Display title ({@code label}), or null. */
    String title();

    /** Description, or null. */
    String description();

    /** JSON Schema (2020-12) of the inputs: declared, else derived from the consumed operation. */
    ObjectNode inputSchema();

    /** JSON Schema of a typed result when the file declares typed outputs, else null. */
    ObjectNode outputSchema();

    /** Effective behaviour hints (explicit, or derived from aggregate semantics); never null. */
    McpTool.Hints hints();

    /** Where the unit is declared, for diagnostics and {@code inspect}. */
    SourcePos pos();

    /** A one-line description of what the unit targets, e.g. {@code posthog-task-runs.tasksrunslist}. */
    String target();

    /**
     * True when the unit sends the inbound JSON body upstream (a body input or an {@code in: body}
     * consumed parameter): the REST adapter then answers 415 to a non-JSON {@code Content-Type}.
     */
    default boolean consumesJsonBody() {
        return false;
    }

    /**
     * Runs the unit once. Inputs are validated before any upstream call; invalid inputs fail with
     * {@link UnitFailure.Kind#BAD_INPUT}. Never blocks the calling thread on upstream I/O.
     */
    CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context);
}
