package naftiko.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What a unit does once its inputs are checked: one upstream call (simple), static values (mock),
 * a delegated aggregate function (ref), steps (orchestrated). {@code params} is the starting
 * parameter map; {@code src} answers references of the unit's {@code with}.
 */
interface ExecutionBody {
    CompletableFuture<Outcome> run(InputSource src, Map<String, JsonNode> params, CallContext context);

    /** One-line description of the target, for {@link Unit#target()}. */
    String target();
}
