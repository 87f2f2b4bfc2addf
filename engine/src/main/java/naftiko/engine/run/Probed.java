package naftiko.engine.run;

import java.util.concurrent.CompletableFuture;
import naftiko.engine.observe.OutcomeClass;
import naftiko.engine.observe.RequestProbe;
import naftiko.engine.upstream.UpstreamResponse;

/** Times an upstream exchange (send to response or failure) on the probe of its consumed operation. */
final class Probed {
    private Probed() {}

    static CompletableFuture<UpstreamResponse> upstream(CompletableFuture<UpstreamResponse> sent, RequestProbe probe) {
        long start = System.nanoTime();
        return sent.whenComplete((r, e) ->
                probe.record(OutcomeClass.upstream(r == null ? 0 : r.status(), e), System.nanoTime() - start));
    }
}
