package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.MissingVariableException;
import naftiko.engine.expr.Scope;
import naftiko.engine.shape.OutputShape;
import naftiko.engine.shape.OutputShaper;

/**
 * Mock mode (SPEC.md §11.5): no upstream; an object of the outputs' values, templates rendered
 * against the inputs (after {@code with}). Empty result: REST 204, otherwise {@code {}}.
 */
final class MockBody implements ExecutionBody {
    private final List<OutputShape> outputs;
    private final WithMerge with;
    private final BindValues binds;

    MockBody(List<OutputShape> outputs, WithMerge with, BindValues binds) {
        this.outputs = outputs;
        this.with = with;
        this.binds = binds;
    }

    @Override
    public CompletableFuture<Outcome> run(InputSource src, Map<String, JsonNode> params, CallContext context) {
        Map<String, JsonNode> merged = with.apply(src, params, k -> null, binds.scope());
        ObjectNode result;
        try {
            result = OutputShaper.mock(outputs, Scope.of(merged).then(binds.scope()));
        } catch (MissingVariableException e) {
            return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT,
                    "missing value for " + e.variable(), List.of(e.variable())));
        }
        if (result.isEmpty() && context != null && "rest".equals(context.adapter())) {
            return CompletableFuture.completedFuture(Outcome.raw(204, null, new byte[0], Map.of()));
        }
        return CompletableFuture.completedFuture(Outcome.json(200, result));
    }

    @Override
    public String target() {
        return "mock";
    }
}
