package naftiko.engine.upstream;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One JDK {@link HttpClient} per connect timeout for the whole process, shared by every consumes
 * namespace. Each JDK client owns a selector thread and a connection pool: a client per namespace
 * meant 1,000 selector threads for 1,000 capability files (bench/README.md), and one more leaked on
 * every hot reload since JDK 17 clients cannot be closed. Sharing also lets namespaces on the same
 * host reuse each other's keep-alive connections. Redirects are never followed: the upstream host
 * is only ever the configured base URI.
 */
final class SharedHttpClients {
    private static final ConcurrentMap<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private SharedHttpClients() {}

    static HttpClient forConnectTimeout(Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(connectTimeout, t -> HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }
}
