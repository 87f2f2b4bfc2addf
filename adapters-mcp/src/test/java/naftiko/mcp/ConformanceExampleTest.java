package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** examples/mcp-conformance.yaml through the real loader and engine: the fixtures the suite calls. */
class ConformanceExampleTest {

    private StreamableHttpServer server;
    private RawMcp mcp;
    private String session;

    @BeforeEach
    void start() {
        String root = System.getProperty("naftiko.repo.root", Path.of("").toAbsolutePath().getParent().toString());
        LoadResult loaded = SpecLoader.load(Path.of(root, "examples", "mcp-conformance.yaml"));
        // The suite's fixture tools are snake_case (test_simple_text), which alpha2's kebab-case
        // pattern does not allow: the example runs in the default lenient mode, and that naming is
        // its only deviation.
        assertThat(loaded.hasErrors(false)).as(loaded.diagnostics().toString()).isFalse();
        assertThat(loaded.diagnostics()).allSatisfy(d -> assertThat(d.rule()).isEqualTo("name-pattern"));
        EngineOptions engine = new EngineOptions(Map.of(), Map.of(), Map.of(), false, Duration.ofSeconds(2), Duration.ofSeconds(5));
        ServeOptions serve = new ServeOptions(null, Map.of("conformance-mcp", 0), ServeOptions.DEFAULT_MAX_BODY_BYTES, false,
                Duration.ZERO);
        server = (StreamableHttpServer) McpServers.create(CapabilityPlanner.plan(loaded.spec(), engine), serve).get(0);
        server.start();
        mcp = new RawMcp(server.url());
        session = mcp.initialize("2025-11-25");
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ZERO);
    }

    private JsonNode call(String method, String params) {
        return RawMcp.json(mcp.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}",
                "Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
    }

    @Test
    void toolsAnswerAsTheSuiteExpects() {
        JsonNode text = call("tools/call", "{\"name\":\"test_simple_text\"}").get("result");
        assertThat(text.get("isError").asBoolean()).isFalse();
        assertThat(text.at("/structuredContent/text").asText()).isEqualTo("This is a simple text response for testing.");
        JsonNode error = call("tools/call", "{\"name\":\"test_error_handling\",\"arguments\":{}}").get("result");
        assertThat(error.get("isError").asBoolean()).isTrue();
        assertThat(error.at("/content/0/text").asText()).startsWith("Upstream Unreachable: ");
    }

    @Test
    void staticFileIsServedAtTestStaticTextAndTheTemplateSubstitutes() {
        assertThat(call("resources/list", "{}").at("/result/resources/0/uri").asText()).isEqualTo("test://static-text");
        assertThat(call("resources/read", "{\"uri\":\"test://static-text\"}").get("result").toString())
                .isEqualTo("{\"contents\":[{\"uri\":\"test://static-text\",\"mimeType\":\"text/plain\","
                        + "\"text\":\"This is the content of the static text resource.\"}]}");
        JsonNode missing = call("resources/read", "{\"uri\":\"test://missing-file\"}");
        assertThat(missing.at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(missing.at("/error/data/uri").asText()).isEqualTo("test://missing-file");
        assertThat(call("resources/read", "{\"uri\":\"test://../../etc/passwd\"}").at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(call("resources/templates/list", "{}").at("/result/resourceTemplates/0/uriTemplate").asText())
                .isEqualTo("test://template/{id}/data");
        JsonNode read = call("resources/read", "{\"uri\":\"test://template/123/data\"}").at("/result/contents/0");
        assertThat(read.get("mimeType").asText()).isEqualTo("application/json");
        assertThat(read.get("text").asText()).isEqualTo("{\"id\":\"123\",\"templateTest\":true,\"data\":\"Data for ID: 123\"}");
    }

    @Test
    void promptsRenderTheirArguments() {
        assertThat(call("prompts/get", "{\"name\":\"test_simple_prompt\"}").at("/result/messages/0/content/text").asText())
                .isEqualTo("This is a simple prompt for testing.");
        assertThat(call("prompts/get", "{\"name\":\"test_prompt_with_arguments\",\"arguments\":{\"arg1\":\"hello\",\"arg2\":\"world\"}}")
                .at("/result/messages/0/content/text").asText()).isEqualTo("Prompt with arguments: arg1='hello', arg2='world'");
        JsonNode listed = call("prompts/list", "{}").at("/result/prompts/1/arguments");
        assertThat(listed.toString()).isEqualTo("[{\"name\":\"arg1\",\"description\":\"First test argument\",\"required\":true},"
                + "{\"name\":\"arg2\",\"description\":\"Second test argument\",\"required\":true}]");
    }
}
