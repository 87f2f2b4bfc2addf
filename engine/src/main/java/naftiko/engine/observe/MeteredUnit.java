package naftiko.engine.observe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/**
 * A unit that records each invocation (from the call to the outcome) on its probe, resolved once.
 * Everything else is the wrapped unit's.
 */
public final class MeteredUnit implements Unit {

    private final Unit unit;
    private final RequestProbe probe;

    public MeteredUnit(Unit unit, RequestProbe probe) {
        this.unit = unit;
        this.probe = probe;
    }

    /** The unit being measured. */
    public Unit unit() {
        return unit;
    }

    @Override
    public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
        long start = System.nanoTime();
        CompletableFuture<Outcome> f;
        try {
            f = unit.invoke(arguments, context);
        } catch (RuntimeException e) {
            probe.record(OutcomeClass.exposed(null, e), System.nanoTime() - start);
            throw e;
        }
        if (f == null) return null;
        return f.whenComplete((outcome, error) ->
                probe.record(OutcomeClass.exposed(outcome, error), System.nanoTime() - start));
    }

    @Override
    public String name() {
        return unit.name();
    }

    @Override
    public String title() {
        return unit.title();
    }

    @Override
    public String description() {
        return unit.description();
    }

    @Override
    public ObjectNode inputSchema() {
        return unit.inputSchema();
    }

    @Override
    public ObjectNode outputSchema() {
        return unit.outputSchema();
    }

    @Override
    public McpTool.Hints hints() {
        return unit.hints();
    }

    @Override
    public SourcePos pos() {
        return unit.pos();
    }

    @Override
    public String target() {
        return unit.target();
    }

    @Override
    public boolean consumesJsonBody() {
        return unit.consumesJsonBody();
    }
}
