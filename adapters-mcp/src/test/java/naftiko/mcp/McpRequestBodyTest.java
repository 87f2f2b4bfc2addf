package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.ServeOptions;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST bodies that do not arrive in one piece: split across writes, chunked, chunked past the limit. */
class McpRequestBodyTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\"ping\"}";
    private StreamableHttpServer server;
    private String session;

    @BeforeEach
    void start() {
        ServeOptions options = new ServeOptions(null, Map.of(), 4096, false, Duration.ofSeconds(1));
        server = (StreamableHttpServer) McpServers.create(Fixtures.capability(Fixtures.endpoint(
                List.of(FakeTool.named("tool-0")), List.of(), List.of())), options, 4).get(0);
        server.start();
        session = new RawMcp(server.url()).initialize("2025-06-18");
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private String head(String framing) {
        return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nMcp-Session-Id: " + session + "\r\n"
                + "MCP-Protocol-Version: 2025-06-18\r\nConnection: close\r\n" + framing + "\r\n";
    }

    /** Writes the pieces with a pause between them and returns the whole response. */
    private String exchange(String... pieces) throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            for (String piece : pieces) {
                out.write(piece.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(100);
            }
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodySplitAcrossWritesIsReadWhole() throws Exception {
        String r = exchange(head("Content-Length: " + PING.length() + "\r\n") + PING.substring(0, 10),
                PING.substring(10, 25), PING.substring(25));
        assertThat(r).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":41,\"result\":{}}");
    }

    @Test
    void aChunkedBodyIsReadWhole() throws Exception {
        String r = exchange(head("Transfer-Encoding: chunked\r\n") + chunk(PING.substring(0, 12)),
                chunk(PING.substring(12)), "0\r\n\r\n");
        assertThat(r).startsWith("HTTP/1.1 200 OK").endsWith("\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":41,\"result\":{}}");
    }

    /** Undertow's chunked decoder closes the connection when the limit is passed (as before WholeBody). */
    @Test
    void aChunkedBodyPastTheLimitIsRefused() throws Exception {
        String pad = "x".repeat(3000);
        String r = exchange(head("Transfer-Encoding: chunked\r\n") + chunk("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\""
                + pad), chunk(pad + "\"}}"), "0\r\n\r\n");
        assertThat(r).doesNotContain("200 OK").doesNotContain("\"result\"");
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }
}
