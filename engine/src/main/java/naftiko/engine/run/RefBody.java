package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;

/**
 * Ref mode (SPEC.md §9.4): the unit's own {@code with} is merged against its adapter namespace,
 * then the aggregate function runs with that parameter map as its inputs (its own {@code with}
 * and steps use the aggregate namespace).
 */
final class RefBody implements ExecutionBody {
    private final String ref;
    private final WithMerge unitWith;
    private final ExecutionBody function;
    private final BindValues binds;

    RefBody(String ref, WithMerge unitWith, ExecutionBody function, BindValues binds) {
        this.ref = ref;
        this.unitWith = unitWith;
        this.function = function;
        this.binds = binds;
    }

    @Override
    public CompletableFuture<Outcome> run(InputSource src, Map<String, JsonNode> params, CallContext context) {
        Map<String, JsonNode> merged = unitWith.apply(src, params, k -> null, binds.scope());
        return function.run(InputSource.of(merged), merged, context);
    }

    @Override
    public String target() {
        return "ref " + ref + " -> " + function.target();
    }
}
