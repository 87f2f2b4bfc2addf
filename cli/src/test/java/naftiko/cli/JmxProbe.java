package naftiko.cli;

import io.undertow.Undertow;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Applies {@link JvmDefaults}, serves one request with Undertow (XNIO registers MBeans), then reports whether JMX is on. */
public final class JmxProbe {
    private JmxProbe() {}

    public static void main(String[] args) throws Exception {
        JvmDefaults.apply();
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1")
                .setHandler(exchange -> exchange.getResponseSender().send("served")).build();
        server.start();
        try {
            int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            System.out.println("body=" + body);
        } finally {
            server.stop();
        }
        try {
            ManagementFactory.getPlatformMBeanServer();
            System.out.println("jmx=on");
        } catch (UnsupportedOperationException e) {
            System.out.println("jmx=off: " + e.getMessage());
        }
    }
}
