package naftiko.engine.upstream.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A keep-alive HTTP/1.1 upstream on raw sockets for transport tests: counts connections, records
 * each request head (with the connection number) and answers it with raw bytes from a script. After
 * an answer the connection stays open unless the answer says {@code Connection: close} or the
 * script asks for a silent close ({@link Answer#thenClose}).
 */
final class RawUpstream implements AutoCloseable {
    /** Raw response bytes; {@code thenClose}: close the connection right after, whatever the headers say. */
    record Answer(String raw, boolean thenClose) {
        static Answer of(String raw) {
            return new Answer(raw, raw.toLowerCase(Locale.ROOT).contains("connection: close"));
        }

        static Answer json(String body) {
            return of("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        }

        Answer closing() {
            return new Answer(raw, true);
        }
    }

    /** A request as received: connection number (from 1), head (request line and headers) and body. */
    record Seen(int connection, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
            }
            return null;
        }
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-upstream");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Answer> script = s -> Answer.json("{\"ok\":true}");

    RawUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    RawUpstream answer(Function<Seen, Answer> script) {
        this.script = script;
        return this;
    }

    int connections() {
        return connections.get();
    }

    List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                int n = connections.incrementAndGet();
                open.add(s);
                pool.execute(() -> serve(s, n));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int number) {
        try (s) {
            InputStream in = s.getInputStream();
            for (;;) {
                String head = readHead(in);
                if (head == null) return;
                int length = 0;
                Seen probe = new Seen(number, head, "");
                if (probe.header("content-length") != null) length = Integer.parseInt(probe.header("content-length"));
                String body = new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
                Seen request = new Seen(number, head, body);
                seen.add(request);
                Answer a = script.apply(request);
                s.getOutputStream().write(a.raw().getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                if (a.thenClose()) return;
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            String so = buf.size() >= 4 ? buf.toString(StandardCharsets.ISO_8859_1) : "";
            if (so.endsWith("\r\n\r\n")) return so;
            if (buf.size() > 64 * 1024) return null;
        }
        return null;
    }

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
