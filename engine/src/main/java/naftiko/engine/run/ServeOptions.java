package naftiko.engine.run;

import java.time.Duration;
import java.util.Map;

/**
 * How adapters serve, from {@code naftiko run} flags.
 *
 * @param addressOverride {@code --address}, or null to use the file's address (else 127.0.0.1)
 * @param portOverrides   {@code --port NS=PORT} by exposure namespace
 * @param maxBodyBytes    inbound body limit (413 beyond)
 * @param stdio           {@code --stdio}: serve the MCP exposure over stdin/stdout
 * @param shutdownGrace   how long in-flight requests may finish on shutdown
 */
public record ServeOptions(
        String addressOverride,
        Map<String, Integer> portOverrides,
        long maxBodyBytes,
        boolean stdio,
        Duration shutdownGrace) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public static ServeOptions defaults() {
        return new ServeOptions(null, Map.of(), DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(10));
    }

    public int portFor(String namespace, int declared) {
        return portOverrides.getOrDefault(namespace, declared);
    }
}
