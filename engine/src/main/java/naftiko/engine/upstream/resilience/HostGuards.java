package naftiko.engine.upstream.resilience;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HostGuard} per upstream host ({@code scheme://host:port}) of a planned capability, so
 * namespaces that share a host share its circuit and its in-flight limit.
 */
public final class HostGuards {
    private final ResiliencePolicy policy;
    private final Map<String, HostGuard> guards = new ConcurrentHashMap<>();

    public HostGuards(ResiliencePolicy policy) {
        this.policy = policy;
    }

    public ResiliencePolicy policy() {
        return policy;
    }

    /** The guard of the host of {@code baseUri}; an unparsable URI gets a guard of its own text. */
    public HostGuard forBaseUri(String baseUri) {
        String key = key(baseUri);
        return guards.computeIfAbsent(key, k -> new HostGuard(k,
                new CircuitBreaker(policy.failureThreshold(), policy.openCooldown()),
                new InFlightLimit(policy.maxInFlight())));
    }

    static String key(String baseUri) {
        try {
            URI u = URI.create(baseUri);
            if (u.getHost() == null) return baseUri;
            String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return baseUri;
        }
    }
}
