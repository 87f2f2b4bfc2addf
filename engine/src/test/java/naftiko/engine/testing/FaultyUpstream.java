package naftiko.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A raw-socket upstream on 127.0.0.1 that misbehaves on purpose (fault-injection tests): each
 * request line (e.g. {@code GET /runs/1}) is answered by a {@link Fault} chosen by a script.
 * Every connection is closed after one exchange. Complements {@link FakeUpstream}, which only
 * speaks well-formed HTTP.
 */
public final class FaultyUpstream implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Fault {
        /** A well-formed answer. */
        record Answer(int status, String contentType, byte[] body, List<String> headers) implements Fault {}
        /** Close the connection without answering. */
        record Drop() implements Fault {}
        /** Send the head and part of a body declared longer, then reset the connection (RST). */
        record ResetMidBody() implements Fault {}
        /** Read the request and never answer (until the client gives up or the upstream closes). */
        record Stall() implements Fault {}
        /** 200 with a chunked body of {@code bytes} bytes (no Content-Length), streamed. */
        record Huge(long bytes) implements Fault {}

        static Fault json(int status, String json) {
            return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), List.of());
        }
    }

    private volatile ServerSocket server;
    private final int port;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-upstream");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Function<String, Fault> script = line -> Fault.json(200, "{\"ok\":true}");

    public FaultyUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        port = server.getLocalPort();
        ServerSocket s = server;
        pool.execute(() -> acceptLoop(s));
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** The upstream goes down: its port refuses connections until {@link #listenAgain()}. */
    public void stopListening() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** The upstream comes back on the same port. */
    public void listenAgain() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server = s;
        pool.execute(() -> acceptLoop(s));
    }

    /** Answers every request with {@code fault}. */
    public FaultyUpstream answer(Fault fault) {
        return answer(line -> fault);
    }

    /** Chooses the fault from the request line ({@code METHOD TARGET}). */
    public FaultyUpstream answer(Function<String, Fault> script) {
        this.script = script;
        return this;
    }

    /** Request lines received ({@code METHOD TARGET}), in order. */
    public List<String> requests() {
        return new ArrayList<>(requestLines);
    }

    private void acceptLoop(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            String head = readHead(in);
            if (head == null) return;
            String line = head.substring(0, head.indexOf("\r\n"));
            String[] parts = line.split(" ");
            String requestLine = parts[0] + " " + (parts.length > 1 ? parts[1] : "");
            long length = contentLength(head);
            if (length > 0) in.readNBytes((int) Math.min(length, 1 << 20));
            requestLines.add(requestLine);
            Fault fault = script.apply(requestLine);
            OutputStream out = s.getOutputStream();
            if (fault instanceof Fault.Answer a) {
                StringBuilder h = new StringBuilder("HTTP/1.1 " + a.status() + " X\r\nConnection: close\r\n");
                if (a.contentType() != null) h.append("Content-Type: ").append(a.contentType()).append("\r\n");
                for (String extra : a.headers()) h.append(extra).append("\r\n");
                h.append("Content-Length: ").append(a.body().length).append("\r\n\r\n");
                out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(a.body());
                out.flush();
            } else if (fault instanceof Fault.ResetMidBody) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"partial\":")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                s.setSoLinger(true, 0);
            } else if (fault instanceof Fault.Stall) {
                while (s.getInputStream().read() >= 0) {
                    // hold the connection until the client closes it
                }
            } else if (fault instanceof Fault.Huge huge) {
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
                for (long sent = 0; sent < huge.bytes(); sent += chunk.length) {
                    out.write(size);
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            // Drop: fall through and close
        } catch (IOException e) {
            // the client went away: expected for several faults
        } finally {
            open.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            int n = buf.size();
            if (n >= 4) {
                byte[] a = buf.toByteArray();
                if (a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                    return buf.toString(StandardCharsets.ISO_8859_1);
                }
            }
            if (n > 64 * 1024) return null;
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String h : head.split("\r\n")) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    return Long.parseLong(h.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** Stops accepting: later connections are refused (an upstream that went down). */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
