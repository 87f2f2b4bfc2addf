package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A minimal Streamable HTTP MCP client: initialize once, then JSON-RPC requests with the session. */
final class McpClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private String session;
    private String authorization;
    private int nextId = 1;

    McpClient(String url) {
        this.url = url;
    }

    McpClient authorization(String value) {
        this.authorization = value;
        return this;
    }

    HttpResponse<String> post(ObjectNode message) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(message)));
        if (session != null) b.header("Mcp-Session-Id", session);
        if (authorization != null) b.header("Authorization", authorization);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The raw answer to {@code initialize}; on 200 the session is kept and {@code initialized} sent. */
    HttpResponse<String> initialize() throws IOException, InterruptedException {
        ObjectNode params = JSON.createObjectNode().put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "conformance").put("version", "1");
        HttpResponse<String> r = post(request("initialize", params));
        if (r.statusCode() == 200) {
            session = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
            ObjectNode note = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized");
            assertThat(post(note).statusCode()).isEqualTo(202);
        }
        return r;
    }

    /** The JSON-RPC {@code result} of {@code tools/call}. */
    JsonNode callTool(String name, Map<String, ?> arguments) throws IOException, InterruptedException {
        if (session == null) assertThat(initialize().statusCode()).isEqualTo(200);
        ObjectNode params = JSON.createObjectNode().put("name", name);
        params.set("arguments", JSON.valueToTree(arguments));
        HttpResponse<String> r = post(request("tools/call", params));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode reply = JSON.readTree(r.body());
        assertThat(reply.has("error")).as("JSON-RPC error: %s", reply).isFalse();
        return reply.get("result");
    }

    /** The JSON text content of a successful tool result. */
    JsonNode callToolJson(String name, Map<String, ?> arguments) throws IOException, InterruptedException {
        JsonNode result = callTool(name, arguments);
        assertThat(result.get("isError").asBoolean()).as("tool result %s", result).isFalse();
        return JSON.readTree(result.at("/content/0/text").asText());
    }

    JsonNode request(String method, JsonNode params, boolean unused) throws IOException, InterruptedException {
        if (session == null) assertThat(initialize().statusCode()).isEqualTo(200);
        HttpResponse<String> r = post(request(method, (ObjectNode) params));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private ObjectNode request(String method, ObjectNode params) {
        ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", nextId++).put("method", method);
        m.set("params", params);
        return m;
    }
}
