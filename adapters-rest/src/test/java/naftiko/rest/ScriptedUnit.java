package naftiko.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.InboundRequest;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.Unit;
import naftiko.engine.spec.model.McpTool;
import naftiko.engine.spec.model.SourcePos;

/** A hand-written Unit for adapter tests: records each call and answers from a script. */
final class ScriptedUnit implements Unit {

    record Call(InboundRequest request, CallContext context, String thread) {}

    private final String name;
    private final boolean jsonBody;
    private volatile BiFunction<Arguments, CallContext, CompletableFuture<Outcome>> script;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    ScriptedUnit(String name, boolean jsonBody, BiFunction<Arguments, CallContext, CompletableFuture<Outcome>> script) {
        this.name = name;
        this.jsonBody = jsonBody;
        this.script = script;
    }

    static ScriptedUnit ok(String name) {
        return new ScriptedUnit(name, false, (a, c) -> CompletableFuture.completedFuture(
                Outcome.raw(200, "application/json", ("{\"unit\":\"" + name + "\"}").getBytes(), null)));
    }

    static ScriptedUnit answering(String name, boolean jsonBody, Outcome outcome) {
        return new ScriptedUnit(name, jsonBody, (a, c) -> CompletableFuture.completedFuture(outcome));
    }

    ScriptedUnit script(BiFunction<Arguments, CallContext, CompletableFuture<Outcome>> s) {
        this.script = s;
        return this;
    }

    Call single() {
        if (calls.size() != 1) throw new AssertionError("expected one call, got " + calls.size());
        return calls.get(0);
    }

    @Override
    public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
        calls.add(new Call(arguments.request(), context, Thread.currentThread().getName()));
        return script.apply(arguments, context);
    }

    @Override public String name() { return name; }
    @Override public String title() { return null; }
    @Override public String description() { return null; }
    @Override public ObjectNode inputSchema() { return JsonNodeFactory.instance.objectNode().put("type", "object"); }
    @Override public ObjectNode outputSchema() { return null; }
    @Override public McpTool.Hints hints() { return new McpTool.Hints(null, null, null, null); }
    @Override public SourcePos pos() { return SourcePos.UNKNOWN; }
    @Override public String target() { return "test." + name; }
    @Override public boolean consumesJsonBody() { return jsonBody; }
}
