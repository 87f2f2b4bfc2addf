import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;

/**
 * Bench-only reference points, not part of naftiko: the cheapest pass-through proxies that can be built on
 * naftiko's own libraries, to tell what the HTTP stack costs from what naftiko adds on top.
 *   undertow : Undertow's ProxyHandler (inbound and upstream on the same XNIO I/O thread, no hand-off)
 *   jdk      : Undertow server + JDK HttpClient.sendAsync (the upstream client naftiko uses), bytes relayed as is
 * Run with the naftiko jar on the class path (single-file source launch):
 *   java -cp cli/target/naftiko.jar bench/baseline/MinimalProxy.java MODE PORT UPSTREAM_URL
 */
public final class MinimalProxy {
    public static void main(String[] args) {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        URI upstream = URI.create(args[2]);
        HttpHandler handler = switch (mode) {
            case "undertow" -> ProxyHandler.builder()
                    .setProxyClient(new LoadBalancingProxyClient().addHost(upstream).setConnectionsPerThread(32).setMaxQueueSize(4096))
                    .setMaxRequestTime(30_000).build();
            case "jdk" -> jdk(upstream);
            default -> throw new IllegalArgumentException("mode is undertow or jdk");
        };
        Undertow.builder().setIoThreads(2).addHttpListener(port, "127.0.0.1").setHandler(handler).build().start();
        System.out.println("ready " + mode + " on " + port);
    }

    private static HttpHandler jdk(URI upstream) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = upstream.toString();
        return exchange -> exchange.dispatch(SameThreadExecutor.INSTANCE, () -> {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + exchange.getRequestURI())).GET().build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                if (error != null) {
                    exchange.setStatusCode(502);
                    exchange.endExchange();
                    return;
                }
                exchange.setStatusCode(response.statusCode());
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
                        response.headers().firstValue("content-type").orElse("application/octet-stream"));
                exchange.getResponseSender().send(ByteBuffer.wrap(response.body()));
            });
        });
    }

    private MinimalProxy() {}
}
