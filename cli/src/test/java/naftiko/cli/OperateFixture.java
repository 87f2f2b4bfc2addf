package naftiko.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import naftiko.engine.log.EventLog;
import naftiko.engine.log.LogFormat;
import naftiko.engine.log.LogLevel;

/** Capability files for the folder-run tests, written from one template, and bounded polling. */
final class OperateFixture {
    private OperateFixture() {}

    static final String SECRET = "s3cr3t-operate-value";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * A capability NAME: REST {@code GET /NAME/items/{id}} and MCP tool {@code NAME-get-item}, both
     * calling {@code GET BASE/NAME/{id}} with {@code Authorization: Bearer OPERATE_SECRET}, on the
     * shared {@link #REST_PORT} and {@link #MCP_PORT}.
     */
    static String capability(String name, String base) throws IOException {
        try (InputStream in = OperateFixture.class.getResourceAsStream("/operate/template.yaml")) {
            String t = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return t.replace("NAME", name).replace("RESTPORT", Integer.toString(REST_PORT))
                    .replace("MCPPORT", Integer.toString(MCP_PORT)).replace("BASE", base);
        }
    }

    /** Ports free when the tests start (files must name a real port; 0 is refused by the loader). */
    static final int REST_PORT = freePort();
    static final int MCP_PORT = freePort();

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String file, String text) throws IOException {
        Path p = dir.resolve(file);
        Path tmp = dir.resolve("." + file + ".tmp"); // hidden: the watcher ignores it
        Files.writeString(tmp, text);
        Files.move(tmp, p, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return p;
    }

    static Path envFile(Path dir) throws IOException {
        Path env = dir.resolve("operate.env");
        Files.writeString(env, "OPERATE_SECRET=" + SECRET + "\n");
        return env;
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Polls every 50 ms until the condition holds; false after {@code seconds}. */
    static boolean eventually(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Sends the structured log to a buffer (restored by {@link #restoreLog}). */
    static ByteArrayOutputStream captureLog(LogFormat format) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EventLog.configure(format, LogLevel.INFO, new PrintStream(log, true, StandardCharsets.UTF_8));
        return log;
    }

    static void restoreLog() {
        EventLog.configure(LogFormat.TEXT, LogLevel.INFO, null);
    }

    static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
