package naftiko.rest;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import naftiko.engine.run.ExposureLimits;

/**
 * Starts the Undertow listener of an exposed HTTP server (REST or skill catalog) with the limits
 * every exposed server shares (ExposureLimits: header size, slow-header parse timeout, idle
 * keep-alive). A port that cannot be bound becomes one actionable line naming the exposure and the
 * {@code --port} override. Paths are not decoded by Undertow: routes decode per segment.
 */
public final class Listener {
    private Listener() {}

    /**
     * @param kind      how the exposure is named in the message, e.g. {@code REST}, {@code skill}
     * @param ioThreads IO threads; the worker pool stays small because nothing blocks on it
     */
    public static Undertow start(String kind, String namespace, String address, int port, int ioThreads,
                                 HttpHandler handler) {
        Undertow server = Undertow.builder()
                .addHttpListener(port, address)
                .setIoThreads(ioThreads)
                .setWorkerThreads(2)
                .setServerOption(UndertowOptions.DECODE_URL, false)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, ExposureLimits.MAX_HEADER_BYTES)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, ExposureLimits.parseTimeoutMillis())
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, ExposureLimits.IDLE_TIMEOUT_MS)
                .setHandler(handler)
                .build();
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // nothing was listening
            }
            throw new IllegalStateException(bindMessage(kind, namespace, address, port, e), null);
        }
    }

    /**
     * Stops a server gracefully: from now on new requests get 503 from {@code graceful}, requests in
     * flight get up to {@code grace} to finish, then the server stops. The listener is not suspended
     * first: suspending closes the open connections, in-flight requests included.
     */
    public static void stop(Undertow server, GracefulShutdownHandler graceful, Duration grace) {
        graceful.shutdown();
        try {
            graceful.awaitShutdown(Math.max(0, grace == null ? 0 : grace.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
    }

    /** The port the listener actually bound (differs from the requested one for port 0). */
    public static int boundPort(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** {@code http://ADDRESS:PORT}, IPv6 addresses in brackets. */
    public static String url(String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }

    private static String bindMessage(String kind, String namespace, String address, int port, RuntimeException e) {
        Throwable c = e;
        while (c != null && !(c instanceof BindException)) c = c.getCause();
        String why = c != null ? "address already in use" : "cannot listen";
        if (c == null && e.getCause() != null && e.getCause().getMessage() != null) why = e.getCause().getMessage();
        String ns = namespace == null || namespace.isEmpty() ? "NAMESPACE" : namespace;
        return kind + " exposure '" + ns + "' cannot listen on " + address + ":" + port + ": " + why
                + " (choose another port with --port " + ns + "=PORT)";
    }
}
