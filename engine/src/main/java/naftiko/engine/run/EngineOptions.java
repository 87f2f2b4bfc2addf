package naftiko.engine.run;

import java.time.Duration;
import java.util.Map;

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
 */
public record EngineOptions(
        Map<String, String> environment,
        Map<String, String> extraValues,
        Map<String, String> baseUriOverrides,
        boolean dryRun,
        Duration connectTimeout,
        Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static EngineOptions defaults() {
        return new EngineOptions(System.getenv(), Map.of(), Map.of(), false,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
}
