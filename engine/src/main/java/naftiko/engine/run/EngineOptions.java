package naftiko.engine.run;

import java.time.Duration;
import java.util.Map;
import naftiko.engine.observe.Metrics;

/**
 * How to plan a capability for this process.
 *
 * @param environment      the process environment (bind source when a bind has no location)
 * @param extraValues      values from {@code --env-file}; they win over {@code environment}
 * @param baseUriOverrides per consumes namespace, from {@code --base-uri NS=URL}
 * @param dryRun           send nothing: every unit answers with the request it would have sent;
 *                         unset binds and base URIs are then placeholders instead of errors
 * @param connectTimeout   upstream connect timeout
 * @param requestTimeout   upstream whole-request timeout
 * @param metrics          where units and upstream calls record their requests ({@link Metrics#NONE} by default)
 */
public record EngineOptions(
        Map<String, String> environment,
        Map<String, String> extraValues,
        Map<String, String> baseUriOverrides,
        boolean dryRun,
        Duration connectTimeout,
        Duration requestTimeout,
        Metrics metrics) {

    public EngineOptions {
        metrics = metrics == null ? Metrics.NONE : metrics;
    }

    public EngineOptions(Map<String, String> environment, Map<String, String> extraValues,
                         Map<String, String> baseUriOverrides, boolean dryRun, Duration connectTimeout,
                         Duration requestTimeout) {
        this(environment, extraValues, baseUriOverrides, dryRun, connectTimeout, requestTimeout, Metrics.NONE);
    }

    /** The same options, recording on {@code m}. */
    public EngineOptions withMetrics(Metrics m) {
        return new EngineOptions(environment, extraValues, baseUriOverrides, dryRun, connectTimeout, requestTimeout, m);
    }

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static EngineOptions defaults() {
        return new EngineOptions(System.getenv(), Map.of(), Map.of(), false,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
}
