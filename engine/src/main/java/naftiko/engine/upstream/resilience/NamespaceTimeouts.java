package naftiko.engine.upstream.resilience;

import java.time.Duration;
import java.util.Map;

/**
 * Connect and request timeouts of one consumes namespace: the process-wide values (EngineOptions,
 * {@code --upstream-timeout}) unless the environment sets {@code NAFTIKO_CONNECT_TIMEOUT_<NS>} or
 * {@code NAFTIKO_UPSTREAM_TIMEOUT_<NS>} ({@code 500ms}, {@code 2s}, {@code 1m}; NS in UPPER_SNAKE).
 */
public record NamespaceTimeouts(Duration connect, Duration request) {

    public static NamespaceTimeouts of(String namespace, Map<String, String> env, Duration connect, Duration request) {
        String ns = upperSnake(namespace);
        Duration c = env == null ? null : ResiliencePolicy.parseDuration(env.get("NAFTIKO_CONNECT_TIMEOUT_" + ns));
        Duration r = env == null ? null : ResiliencePolicy.parseDuration(env.get("NAFTIKO_UPSTREAM_TIMEOUT_" + ns));
        return new NamespaceTimeouts(c != null ? c : connect, r != null ? r : request);
    }

    static String upperSnake(String namespace) {
        StringBuilder sb = new StringBuilder();
        for (char ch : namespace.toCharArray()) sb.append(Character.isLetterOrDigit(ch) ? Character.toUpperCase(ch) : '_');
        return sb.toString();
    }
}
