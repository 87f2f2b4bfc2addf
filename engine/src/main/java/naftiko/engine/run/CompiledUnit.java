package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/**
 * The one Unit implementation: metadata, an input contract checked before anything runs, and an
 * execution body. Its future fails with a {@link UnitFailure} only, never another exception.
 */
final class CompiledUnit implements Unit {
    private final String name;
    private final String title;
    private final String description;
    private final InputContract inputs;
    private final ObjectNode outputSchema;
    private final McpTool.Hints hints;
    private final SourcePos pos;
    private final ExecutionBody body;
    private final boolean jsonBody;

    CompiledUnit(String name, String title, String description, InputContract inputs, ObjectNode outputSchema,
                 McpTool.Hints hints, SourcePos pos, ExecutionBody body, boolean jsonBody) {
        this.name = name;
        this.title = title;
        this.description = description;
        this.inputs = inputs;
        this.outputSchema = outputSchema;
        this.hints = hints == null ? new McpTool.Hints(null, null, null, null) : hints;
        this.pos = pos;
        this.body = body;
        this.jsonBody = jsonBody;
    }

    @Override public String name() { return name; }
    @Override public String title() { return title; }
    @Override public String description() { return description; }
    @Override public ObjectNode inputSchema() { return inputs.schema(); }
    @Override public ObjectNode outputSchema() { return outputSchema == null ? null : outputSchema.deepCopy(); }
    @Override public McpTool.Hints hints() { return hints; }
    @Override public SourcePos pos() { return pos; }
    @Override public String target() { return body.target(); }
    @Override public boolean consumesJsonBody() { return jsonBody; }

    @Override
    public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
        CompletableFuture<Outcome> out = new CompletableFuture<>();
        try {
            InputSource src = InputSource.of(arguments, inputs.inputs());
            inputs.check(src);
            Map<String, JsonNode> params = src.baseParameters();
            body.run(src, params, context).whenComplete((v, e) -> {
                if (e != null) out.completeExceptionally(UnitFailure.of(e));
                else out.complete(v);
            });
        } catch (RuntimeException e) {
            out.completeExceptionally(UnitFailure.of(e));
        }
        return out;
    }

    @Override
    public String toString() {
        return name + " -> " + body.target();
    }
}
