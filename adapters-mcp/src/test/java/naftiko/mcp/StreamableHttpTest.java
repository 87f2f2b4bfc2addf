package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.run.Unit;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.spec.model.McpTool;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Protocol edge cases over raw HTTP against a server on an ephemeral loopback port. */
class StreamableHttpTest {

    private static final String V = "2025-06-18";
    private FakeUpstream upstream;
    private StreamableHttpServer server;
    private RawMcp mcp;

    @BeforeEach
    void start() {
        upstream = new FakeUpstream();
        List<Unit> tools = new ArrayList<>();
        tools.add(new FakeTool("list-runs", List.of("project_id"), upstream.baseUri(), "/runs",
                new McpTool.Hints(true, null, null, false)));
        for (int i = 0; i < 5; i++) tools.add(FakeTool.named("tool-" + i));
        ServeOptions options = new ServeOptions(null, Map.of(), 4096, false, Duration.ofSeconds(1));
        List<ExposureServer> servers = McpServers.create(Fixtures.capability(Fixtures.endpoint(tools,
                List.of(FakeContent.text("test://static-text", "hello")), List.of(FakeContent.greeting()))), options, 4);
        server = (StreamableHttpServer) servers.get(0);
        server.start();
        mcp = new RawMcp(server.url());
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
        upstream.close();
    }

    private HttpResponse<String> call(String session, String body) {
        return mcp.post(body, "Mcp-Session-Id", session, "MCP-Protocol-Version", V,
                "Accept", "application/json, text/event-stream");
    }

    @Test
    void describesTheUrlAndToolCount() {
        assertThat(server.describe()).containsExactly("MCP test-mcp http://127.0.0.1:" + server.port() + "/mcp (6 tools)");
    }

    @Test
    void initializeNegotiatesAndIssuesASession() {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(r.headers().firstValue("mcp-session-id")).isPresent();
        JsonNode result = RawMcp.json(r).get("result");
        assertThat(RawMcp.json(r).get("id").asText()).isEqualTo("a");
        assertThat(result.get("protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(result.get("serverInfo").get("name").asText()).isEqualTo("test-mcp");
        assertThat(result.get("instructions").asText()).isEqualTo("Use these tools for tests.");
        assertThat(result.get("capabilities").toString())
                .isEqualTo("{\"tools\":{\"listChanged\":true},\"resources\":{\"subscribe\":false,\"listChanged\":false},"
                        + "\"prompts\":{\"listChanged\":false},\"logging\":{},\"completions\":{}}");
    }

    @Test
    void unknownClientVersionGetsOurLatest() {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"1999-01-01\"}}");
        assertThat(RawMcp.json(r).at("/result/protocolVersion").asText()).isEqualTo("2025-11-25");
    }

    @Test
    void badJsonIsAParseError() {
        String s = mcp.initialize(V);
        HttpResponse<String> r = call(s, "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawMcp.json(r).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(RawMcp.json(r).get("id").isNull()).isTrue();
    }

    @Test
    void unknownMethodIsMethodNotFoundEchoingTheId() {
        String s = mcp.initialize(V);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"nope/nothing\"}"));
        assertThat(r.at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(r.get("id").asInt()).isEqualTo(7);
    }

    @Test
    void invalidRequestsAreRejected() {
        String s = mcp.initialize(V);
        HttpResponse<String> wrongVersion = call(s, "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}");
        assertThat(wrongVersion.statusCode()).isEqualTo(200);
        assertThat(RawMcp.json(wrongVersion).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(RawMcp.json(wrongVersion).get("id").asInt()).isEqualTo(3);
        HttpResponse<String> noId = call(s, "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}");
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(RawMcp.json(noId).at("/error/code").asInt()).isEqualTo(-32600);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":4}"));
        assertThat(r.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(r.get("id").asInt()).isEqualTo(4);
        assertThat(RawMcp.json(call(s, "42")).at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void batchesOnlyUnder20250326() {
        String s = mcp.initialize(V);
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}]";
        JsonNode rejected = RawMcp.json(call(s, batch));
        assertThat(rejected.at("/error/code").asInt()).isEqualTo(-32600);
        JsonNode replies = RawMcp.json(mcp.post(batch, "Mcp-Session-Id", s, "MCP-Protocol-Version", "2025-03-26"));
        assertThat(replies.isArray()).isTrue();
        assertThat(replies.size()).isEqualTo(2);
        assertThat(replies.get(0).toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
        assertThat(replies.get(1).at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void unknownToolIsInvalidParams() {
        String s = mcp.initialize(V);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"ghost\"}}"));
        assertThat(r.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(r.at("/error/message").asText()).isEqualTo("Invalid params: Unknown tool: ghost");
    }

    @Test
    void missingRequiredArgumentIsInvalidParamsNamingItAndNothingGoesUpstream() {
        String s = mcp.initialize(V);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list-runs\",\"arguments\":{}}}"));
        assertThat(r.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(r.at("/error/message").asText()).contains("project_id");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void from20251125InvalidArgumentsAreAToolErrorTheModelCanRead() {
        String s = mcp.initialize("2025-11-25");
        JsonNode r = RawMcp.json(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"list-runs\"}}",
                "Mcp-Session-Id", s, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(r.at("/result/isError").asBoolean()).isTrue();
        assertThat(r.at("/result/content/0/text").asText()).isEqualTo("Invalid arguments: missing required argument project_id");
    }

    @Test
    void toolCallRelaysTheUpstreamJson() {
        upstream.answer(FakeUpstream.Reply.json(200, "{\"results\":[1,2]}"));
        String s = mcp.initialize(V);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"list-runs\",\"arguments\":{\"project_id\":\"42\"}}}"));
        assertThat(r.get("result").toString()).isEqualTo("{\"content\":[{\"type\":\"text\",\"text\":\"{\\\"results\\\":[1,2]}\"}],"
                + "\"isError\":false,\"structuredContent\":{\"results\":[1,2]}}");
        assertThat(upstream.single().target()).isEqualTo("/runs?project_id=42");
    }

    @Test
    void upstreamErrorIsAToolResultWithStatusAndBody() {
        upstream.answer(FakeUpstream.Reply.json(404, "{\"detail\":\"Not found.\"}"));
        String s = mcp.initialize(V);
        JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"list-runs\",\"arguments\":{\"project_id\":\"42\"}}}"));
        assertThat(r.at("/result/isError").asBoolean()).isTrue();
        assertThat(r.at("/result/content/0/text").asText()).isEqualTo("Upstream returned HTTP 404: {\"detail\":\"Not found.\"}");
        assertThat(r.at("/result/structuredContent").isMissingNode()).isTrue();
    }

    @Test
    void sessionRules() {
        HttpResponse<String> missing = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "MCP-Protocol-Version", V);
        assertThat(missing.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = call("bm90LW91cnM.c2lnbmF0dXJl", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String s = mcp.initialize(V);
        assertThat(call(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}").statusCode()).isEqualTo(200);
        assertThat(mcp.send("DELETE", "Mcp-Session-Id", s).statusCode()).isEqualTo(204);
        assertThat(call(s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}").statusCode()).isEqualTo(404);
        assertThat(mcp.send("DELETE", "Mcp-Session-Id", s).statusCode()).isEqualTo(404);
    }

    @Test
    void protocolVersionHeaderMustBeSupported() {
        String s = mcp.initialize(V);
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "Mcp-Session-Id", s, "MCP-Protocol-Version", "2024-01-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RawMcp.json(r).at("/error/message").asText()).contains("2024-01-01");
        // Absent header: 2025-03-26 is assumed and the request goes through.
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}", "Mcp-Session-Id", s).statusCode()).isEqualTo(200);
    }

    @Test
    void foreignOriginOrHostIsForbidden() throws Exception {
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
                "Origin", "http://evil.example.com");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
                "Origin", "http://localhost:6274").statusCode()).isEqualTo(200);
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}";
        assertThat(RawMcp.rawStatusLine(server.port(), "evil.example.com", init)).isEqualTo("HTTP/1.1 403 Forbidden");
        assertThat(RawMcp.rawStatusLine(server.port(), "localhost:" + server.port(), init)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(RawMcp.rawStatusLine(server.port(), "[::1]:1234", init)).isEqualTo("HTTP/1.1 200 OK");
    }

    @Test
    void notificationsAreAcceptedWithoutBody() {
        String s = mcp.initialize(V);
        HttpResponse<String> r = call(s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).isEmpty();
        assertThat(call(s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":99}}").statusCode()).isEqualTo(202);
    }

    @Test
    void getNeedsASessionOtherMethodsAreNotAllowedAndOtherPathsAreNotFound() {
        // GET opens the server-to-client event stream (notifications/tools/list_changed) of a session.
        HttpResponse<String> r = mcp.send("GET", "Accept", "text/event-stream");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Mcp-Session-Id header is required");
        r = mcp.send("PUT", "Accept", "text/event-stream");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, POST, DELETE");
        assertThat(new RawMcp(server.url().replace("/mcp", "/other")).send("GET").statusCode()).isEqualTo(404);
        assertThat(new RawMcp(server.url().replace("/mcp", "/")).initialize(V)).isNotEmpty();
    }

    @Test
    void eventStreamOnlyClientsGetOneSseEvent() {
        String s = mcp.initialize(V);
        HttpResponse<String> r = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                "Mcp-Session-Id", s, "MCP-Protocol-Version", V, "Accept", "text/event-stream");
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(r.body()).isEqualTo("event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n\n");
    }

    @Test
    void bodyLimitIs413() {
        String s = mcp.initialize(V);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
        assertThat(call(s, big).statusCode()).isEqualTo(413);
    }

    @Test
    void paginationCursorRoundTrip() {
        String s = mcp.initialize(V);
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String params = cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}";
            JsonNode r = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":" + params + "}"));
            r.at("/result/tools").forEach(t -> names.add(t.get("name").asText()));
            cursor = r.at("/result/nextCursor").isMissingNode() ? null : r.at("/result/nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("list-runs", "tool-0", "tool-1", "tool-2", "tool-3", "tool-4");
        JsonNode bad = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":\"garbage!\"}}"));
        assertThat(bad.at("/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void toolDescriptorCarriesTitleSchemaAndOnlyDeclaredHints() {
        String s = mcp.initialize(V);
        JsonNode tool = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")).at("/result/tools/0");
        assertThat(tool.toString()).isEqualTo("{\"name\":\"list-runs\",\"title\":\"Title of list-runs\",\"description\":\"Description of list-runs\","
                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"project_id\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}},"
                + "\"required\":[\"project_id\"]},\"annotations\":{\"title\":\"Title of list-runs\",\"readOnlyHint\":true,\"openWorldHint\":false}}");
    }

    @Test
    void resourcesPromptsLoggingAndCompletion() {
        String s = mcp.initialize(V);
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://static-text\"}}"))
                .get("result").toString()).isEqualTo("{\"contents\":[{\"uri\":\"test://static-text\",\"mimeType\":\"text/plain\",\"text\":\"hello\"}]}");
        JsonNode missing = RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/read\",\"params\":{\"uri\":\"test://nothing\"}}"));
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/get\",\"params\":{\"name\":\"greet\",\"arguments\":{\"name\":\"Ada\"}}}"))
                .get("result").toString()).isEqualTo("{\"description\":\"Greets someone\",\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Hello, Ada!\"}}]}");
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/get\",\"params\":{\"name\":\"greet\"}}"))
                .at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"warning\"}}"))
                .get("result").toString()).isEqualTo("{}");
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}"))
                .at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(RawMcp.json(call(s, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"name\",\"value\":\"A\"}}}"))
                .get("result").toString()).isEqualTo("{\"completion\":{\"values\":[],\"total\":0,\"hasMore\":false}}");
    }
}
