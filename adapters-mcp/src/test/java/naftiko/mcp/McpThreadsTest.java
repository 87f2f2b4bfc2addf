package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpResourceUnit;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.ServeOptions;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs what over Streamable HTTP: tool calls start on the connection's I/O thread,
 * file-backed resources on a worker, and the reply is right whichever thread completes the call.
 */
class McpThreadsTest {

    private static final String V = "2025-06-18";
    private static final Executor LATER = CompletableFuture.delayedExecutor(30, TimeUnit.MILLISECONDS);
    private final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();
    private StreamableHttpServer server;
    private RawMcp mcp;
    private String session;

    @BeforeEach
    void start() {
        ServeOptions options = new ServeOptions(null, Map.of(), 4096, false, Duration.ofSeconds(1));
        List<ExposureServer> servers = McpServers.create(Fixtures.capability(Fixtures.endpoint(
                List.of(new Probe("now", false), new Probe("later", true)), List.of(resource()), List.of())), options, 4);
        server = (StreamableHttpServer) servers.get(0);
        server.start();
        mcp = new RawMcp(server.url());
        session = mcp.initialize(V);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private JsonNode call(String body) {
        return RawMcp.json(mcp.post(body, "Mcp-Session-Id", session, "MCP-Protocol-Version", V,
                "Accept", "application/json, text/event-stream"));
    }

    private JsonNode callTool(String name, int id) {
        return call("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + name + "\"}}");
    }

    @Test
    void toolCallsStartOnTheIoThreadAndAnswerWhereverTheyComplete() {
        for (int i = 0; i < 10; i++) {
            String tool = i % 2 == 0 ? "now" : "later";
            JsonNode r = callTool(tool, i);
            assertThat(r.get("id").asInt()).isEqualTo(i);
            assertThat(r.get("result").toString()).isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"tool\\\":\\\"" + tool
                    + "\\\"}\"}],\"isError\":false,\"structuredContent\":{\"tool\":\"" + tool + "\"}}");
        }
        assertThat(threads).hasSize(10).allSatisfy(t -> assertThat(t).startsWith("XNIO-").contains(" I/O-"));
    }

    @Test
    void aCallCompletedOnAnotherThreadAnswersAsAnEventToo() {
        String r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"later\"}}",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", V, "Accept", "text/event-stream").body();
        assertThat(r).isEqualTo("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"content\":[{\"type\":\"text\","
                + "\"text\":\"{\\\"tool\\\":\\\"later\\\"}\"}],\"isError\":false,\"structuredContent\":{\"tool\":\"later\"}}}\n\n");
    }

    @Test
    void fileBackedResourcesAreReadOnAWorkerThread() {
        JsonNode r = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://probe\"}}");
        assertThat(r.at("/result/contents/0/text").asText()).isEqualTo("read");
        assertThat(threads).singleElement().satisfies(t -> assertThat(t).startsWith("XNIO-").contains(" task-"));
        // a batch holding a resource read goes to a worker as a whole
        threads.clear();
        JsonNode batch = RawMcp.json(mcp.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"now\"}},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://probe\"}}]",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26"));
        assertThat(batch).hasSize(2);
        assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t).contains(" task-"));
    }

    /** A tool answering {"tool":NAME}, now or from another thread a little later; notes where it started. */
    private final class Probe extends FakeTool {
        private final boolean later;

        Probe(String name, boolean later) {
            super(name, List.of(), null, "/", new naftiko.engine.spec.model.McpTool.Hints(null, null, null, null));
            this.later = later;
        }

        @Override
        public CompletableFuture<Outcome> invoke(Arguments arguments, CallContext context) {
            threads.add(Thread.currentThread().getName());
            Outcome outcome = Outcome.raw(200, "application/json", ("{\"tool\":\"" + name() + "\"}").getBytes(), Map.of());
            return later ? CompletableFuture.supplyAsync(() -> outcome, LATER) : CompletableFuture.completedFuture(outcome);
        }
    }

    private McpResourceUnit resource() {
        return new McpResourceUnit() {
            public String name() { return "probe"; }
            public String title() { return null; }
            public String description() { return null; }
            public String mimeType() { return "text/plain"; }
            public String uri() { return "test://probe"; }
            public boolean isTemplate() { return false; }
            public List<Entry> entries() { return List.of(new Entry(uri(), name(), null, null, mimeType())); }
            public Optional<Map<String, String>> match(String u) { return uri().equals(u) ? Optional.of(Map.of()) : Optional.empty(); }
            public CompletableFuture<Content> read(String u, CallContext c) {
                threads.add(Thread.currentThread().getName());
                return CompletableFuture.completedFuture(new Content(u, mimeType(), "read"));
            }
        };
    }
}
