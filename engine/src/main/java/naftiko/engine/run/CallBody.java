package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import naftiko.engine.bind.BindValues;
import naftiko.engine.expr.Scope;
import naftiko.engine.shape.OutputShaper;
import naftiko.engine.upstream.UpstreamRequest;

/** Simple mode: {@code with} merged, one upstream call, the response shaped (SPEC.md §11.2–11.4). */
final class CallBody implements ExecutionBody {
    private final CallTarget target;
    private final WithMerge with;
    private final OutputShaper shaper;
    private final BindValues binds;
    private final boolean dryRun;
    private final boolean idempotentHint;

    CallBody(CallTarget target, WithMerge with, OutputShaper shaper, BindValues binds, boolean dryRun) {
        this(target, with, shaper, binds, dryRun, false);
    }

    CallBody(CallTarget target, WithMerge with, OutputShaper shaper, BindValues binds, boolean dryRun, boolean idempotentHint) {
        this.idempotentHint = idempotentHint;
        this.target = target;
        this.with = with;
        this.shaper = shaper;
        this.binds = binds;
        this.dryRun = dryRun;
    }

    @Override
    public CompletableFuture<Outcome> run(InputSource src, Map<String, JsonNode> params, CallContext context) {
        Map<String, JsonNode> merged = with.apply(src, params, target::locationOf, binds.scope());
        UpstreamRequest request = target.build(merged);
        String requestId = context == null ? null : context.requestId();
        if (dryRun) {
            return CompletableFuture.completedFuture(Outcome.json(200,
                    DryRunReport.describe(request, binds.redactor(), target.credentialHeaders(merged), requestId)));
        }
        return target.send(request, merged, context, idempotentHint).thenApply(resp -> shaper.shape(resp, Scope.of(merged).then(binds.scope())));
    }

    @Override
    public String target() {
        return target.name();
    }
}
