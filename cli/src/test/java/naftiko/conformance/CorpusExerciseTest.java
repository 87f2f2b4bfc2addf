package naftiko.conformance;

import static naftiko.conformance.Shipyard.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream.Recorded;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;

/**
 * Every exposed unit of the corpus fixtures that run against a mock or a fakeable upstream (the
 * tutorial has its own test; formats/* are covered by the engine's format tests) called once
 * through its real adapter; exact upstream request and exact answer as SPEC.md implies them.
 */
class CorpusExerciseTest {

    private static final String R = "src/test/resources/";

    private static JsonNode tools(FixtureCalls f, String ns) throws Exception {
        return f.served.mcp(ns).request("tools/list", McpClient.JSON.createObjectNode(), true).at("/result/tools");
    }

    private static JsonNode tool(JsonNode tools, String name) {
        for (JsonNode t : tools) if (t.get("name").asText().equals(name)) return t;
        throw new AssertionError("no tool " + name + " in " + tools);
    }

    @Test
    void aggregateSharedMockGivesTheSamePayloadThroughRestAndMcp() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "aggregates/aggregate-shared-mock.yaml")) {
            JsonNode expected = json("{\"message\":\"Hello, Ada!\",\"source\":\"aggregate-mock\"}");
            JsonNode viaRest = json(f.restOk("greeting-rest", "GET", "/hello?name=Ada", null));
            JsonNode viaMcp = json(f.tool("greeting-mcp", "hello", Map.of("name", "Ada")));
            assertThat(viaRest).isEqualTo(expected);
            assertThat(viaMcp).isEqualTo(expected);
            assertThat(f.take()).isEmpty();
        }
    }

    @Test
    void aggregateBasicOneFunctionThroughTwoToolsAndTwoOperations() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "aggregates/aggregate-basic.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"forecast\":\"sunny\",\"other\":1}"));
            String get = f.restOk("forecast-rest", "GET", "/forecast/Paris", null);
            String post = f.restOk("forecast-rest", "POST", "/forecast/Paris", null);
            String tool = f.tool("forecast-mcp", "get-forecast", Map.of("location", "Paris"));
            String inherited = f.tool("forecast-mcp", "get-forecast-inherited", Map.of("location", "Paris"));
            assertThat(json(get)).isEqualTo(json("\"sunny\""));
            assertThat(json(post)).isEqualTo(json(get));
            // A scalar result is one JSON document for both protocols: the tool's text is the REST body.
            assertThat(tool).isEqualTo(get);
            assertThat(inherited).isEqualTo(get);
            assertThat(f.take()).containsOnly("GET /forecast").hasSize(4);
            JsonNode hints = tool(tools(f, "forecast-mcp"), "get-forecast-inherited").get("annotations");
            assertThat(hints.get("readOnlyHint").asBoolean()).isTrue();
            assertThat(hints.get("idempotentHint").asBoolean()).isTrue();
        }
    }

    @Test
    void forecastAggregateExampleShapesAnObjectForRestAndMcpAlike() throws Exception {
        try (FixtureCalls f = new FixtureCalls("src/main/resources/schemas/examples/forecast-aggregate.yml")) {
            f.upstream.answer(Reply.json(200, "{\"forecast\":{\"temperature\":21.5,\"condition\":\"sunny\",\"wind\":3}}"));
            JsonNode expected = json("{\"temperature\":21.5,\"condition\":\"sunny\"}");
            assertThat(json(f.restOk("forecast-rest", "GET", "/forecast/Paris", null))).isEqualTo(expected);
            assertThat(json(f.tool("forecast-mcp", "get-forecast", Map.of("location", "Paris")))).isEqualTo(expected);
            assertThat(f.take()).containsExactly("GET /forecast", "GET /forecast");
        }
    }

    @Test
    void aggregateHintsAreDerivedThenOverriddenFieldByField() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "aggregates/aggregate-hints-override.yaml")) {
            JsonNode tools = tools(f, "data-mcp");
            assertThat(tool(tools, "read-items").get("annotations")).isEqualTo(json(
                    "{\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true}"));
            assertThat(tool(tools, "read-items-open").get("annotations")).isEqualTo(json(
                    "{\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,\"openWorldHint\":true}"));
            assertThat(tool(tools, "delete-item").get("annotations")).isEqualTo(json(
                    "{\"readOnlyHint\":false,\"destructiveHint\":true,\"idempotentHint\":true,\"openWorldHint\":false}"));
            f.upstream.answer(Reply.json(200, "{\"items\":\"a,b\"}"));
            assertThat(f.tool("data-mcp", "read-items", Map.of())).isEqualTo("\"a,b\"");
            assertThat(f.tool("data-mcp", "delete-item", Map.of("item-id", "7"))).contains("a,b");
            assertThat(f.take()).containsExactly("GET /items", "DELETE /items");
        }
    }

    @Test
    void aggregateStepWithTheAggregateNamespacePrefix() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "aggregates/aggregate-step-with-namespace.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"voyageId\":\"VOY-7\",\"status\":\"planned\"}"));
            assertThat(json(f.tool("shipyard-mcp", "get-voyage-manifest", Map.of("voyage-id", "VOY-7"))))
                    .isEqualTo(json("{\"voyage-id\":\"VOY-7\"}"));
            assertThat(f.take()).containsExactly("GET /voyages/VOY-7");
        }
    }

    @Test
    void mcpStepWithTheToolNamespacePrefix() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "mcp/mcp-step-with-namespace-capability.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"voyageId\":\"VOY-7\",\"status\":\"planned\"}"));
            assertThat(json(f.tool("shipyard-tools", "get-voyage-manifest", Map.of("voyageId", "VOY-7"))))
                    .isEqualTo(json("{\"voyageId\":\"VOY-7\"}"));
            assertThat(f.take()).containsExactly("GET /voyages/VOY-7");
        }
    }

    @Test
    void mcpToolWithMustacheRenamingPassesTheBodyThrough() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "mcp/mcp-tool-handler-with-mustache-capability.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"imo_number\":\"IMO-1\",\"vessel_name\":\"Star\"}"));
            assertThat(json(f.tool("shipyard-tools", "get-ship", Map.of("imo", "IMO-1"))))
                    .isEqualTo(json("{\"imo_number\":\"IMO-1\",\"vessel_name\":\"Star\"}"));
            assertThat(f.take()).containsExactly("GET /ships/IMO-1");
        }
    }

    @Test
    void nestedObjectOutputResolvesChildrenAgainstTheRoot() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "nested-object-output-capability.yaml")) {
            f.upstream.answer(Reply.json(200, Shipyard.SHIP));
            assertThat(json(f.tool("test-tools", "get-ship", Map.of("imo", "IMO-9321483")))).isEqualTo(json("""
                    {"imo":"IMO-9321483","name":"Northern Star","status":"active",
                     "specs":{"yearBuilt":2009,"tonnage":51000,"length":229.5}}"""));
            assertThat(f.take()).containsExactly("GET /ships/IMO-9321483");
        }
    }

    private static final String NOTION_PAGE = """
            {"results":[{"id":"p1","properties":{"Name":{"title":[{"text":{"content":"Alpha"}}]},
                                                  "Status":{"select":{"name":"Committed"}}}}]}""";

    @Test
    void mcpToolPostsTheRawBodyWithConstantWith() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "mcp/mcp-capability.yaml")) {
            f.upstream.answer(Reply.json(200, NOTION_PAGE));
            assertThat(json(f.tool("test-mcp", "query-database", Map.of())))
                    .isEqualTo(json("[{\"name\":\"Alpha\",\"status\":\"Committed\"}]"));
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("POST /databases/test-db-id-123/query");
            assertThat(r.header("content-type")).isEqualTo("application/json");
            assertThat(json(r.bodyText())).isEqualTo(json("{\"filter\":{\"property\":\"Status\",\"select\":{\"equals\":\"Committed\"}}}"));
        }
    }

    @Test
    void mcpResourcesAndPrompts() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "mcp/mcp-resources-prompts-capability.yaml")) {
            f.upstream.answer(Reply.json(200, NOTION_PAGE));
            assertThat(json(f.tool("test-mcp-resources-prompts", "query-database", Map.of()))).isEqualTo(json("[{\"id\":\"p1\"}]"));
            McpClient mcp = f.served.mcp("test-mcp-resources-prompts");
            JsonNode fixed = mcp.request("resources/read", McpClient.JSON.createObjectNode()
                    .put("uri", "data://databases/pre-release/schema"), true);
            assertThat(json(fixed.at("/result/contents/0/text").asText())).isEqualTo(json(NOTION_PAGE));
            JsonNode templated = mcp.request("resources/read", McpClient.JSON.createObjectNode()
                    .put("uri", "data://users/u42/profile"), true);
            assertThat(templated.at("/result/contents/0/uri").asText()).isEqualTo("data://users/u42/profile");
            assertThat(f.take()).containsExactly("POST /databases/test-db-id-123/query",
                    "POST /databases/test-db-id-123/query", "POST /databases/u42/query");
            var params = McpClient.JSON.createObjectNode().put("name", "participant-outreach");
            params.putObject("arguments").put("participant_name", "Ada").put("product_name", "Naftiko");
            JsonNode prompt = mcp.request("prompts/get", params, true);
            assertThat(prompt.at("/result/messages/0/content/text").asText()).isEqualTo(
                    "Draft a personalized outreach email to Ada about the upcoming Naftiko pre-release. Be professional but friendly.");
            var summary = McpClient.JSON.createObjectNode().put("name", "summary-prompt");
            summary.putObject("arguments").put("data", "x=1");
            assertThat(mcp.request("prompts/get", summary, true).at("/result/messages")).hasSize(3);
        }
    }

    @Test
    void mcpHintsBecomeAnnotationsAndLabelsTitles() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "mcp/mcp-hints-capability.yaml")) {
            JsonNode tools = tools(f, "hints-mcp");
            assertThat(tool(tools, "read-data").get("title").asText()).isEqualTo("Read Data");
            assertThat(tool(tools, "read-data").get("annotations")).isEqualTo(json(
                    "{\"title\":\"Read Data\",\"readOnlyHint\":true,\"openWorldHint\":true}"));
            assertThat(tool(tools, "delete-record").get("annotations")).isEqualTo(json(
                    "{\"readOnlyHint\":false,\"destructiveHint\":true,\"idempotentHint\":true,\"openWorldHint\":false}"));
            f.upstream.answer(Reply.json(200, "{\"result\":\"ok\"}"));
            assertThat(f.tool("hints-mcp", "read-data", Map.of())).isEqualTo("\"ok\"");
            assertThat(f.tool("hints-mcp", "no-hints-tool", Map.of())).isEqualTo("{\"result\":\"ok\"}");
            f.tool("hints-mcp", "delete-record", Map.of("record-id", "r1"));
            assertThat(f.take()).containsExactly("GET /data", "GET /data", "DELETE /data");
        }
    }

    @Test
    void restBodyInputsExtractedByJsonPathFillTheRawBody() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "http/http-body-capability.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"created\":true}"));
            String body = f.restOk("test-http-body", "POST", "/users", "{\"user\":{\"id\":\"u1\",\"name\":\"Ada\"}}");
            assertThat(json(body)).isEqualTo(json("{\"created\":true}"));
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("POST /create");
            assertThat(json(r.bodyText())).isEqualTo(json("{\"id\":\"u1\",\"name\":\"Ada\"}"));
        }
    }

    @Test
    void restBodyInputBecomesAConsumedQueryWithAdapterHeader() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "http/http-header-query-capability.yaml")) {
            f.restOk("test-http", "POST", "/search", "{\"user\":{\"id\":\"u1\"}}");
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("POST /items?q=u1");
            assertThat(r.header("x-api-key")).isEqualTo("ABC123");
        }
    }

    @Test
    void forwardRelaysPathQueryAndAddsConsumedHeaderValues() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "http/http-forward-value-capability.yaml")) {
            f.upstream.answer(Reply.json(200, "{\"id\":42}"));
            assertThat(json(f.restOk("sample", "GET", "/forward/users/42?expand=1", null))).isEqualTo(json("{\"id\":42}"));
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("GET /users/42?expand=1");
            assertThat(r.header("x-api-version")).isEqualTo("2026-03-03");
            assertThat(r.header("x-api-key")).isEqualTo("secret-key-123");
        }
    }

    @Test
    void registerForwardSendsBasicCredentialsAndTrustedHeadersOnly() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "register.capability.yml")) {
            f.restOk("documentation", "GET", "/notion/users/me", null, "Notion-Version", "2022-06-28", "X-Other", "no");
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("GET /users/me");
            assertThat(r.header("authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("scott:tiger".getBytes(StandardCharsets.UTF_8)));
            assertThat(r.header("notion-version")).isEqualTo("2022-06-28");
            assertThat(r.header("x-other")).isNull();
        }
    }

    @Test
    void semanticsRuleFixturesServeTheirAggregateThroughRestAndMcp() throws Exception {
        for (String file : new String[] {"rules/spectral-semantics-consistent.yaml", "rules/spectral-semantics-inconsistent.yaml"}) {
            try (FixtureCalls f = new FixtureCalls(R + file)) {
                f.upstream.answer(Reply.json(200, "{\"forecast\":\"rain\"}"));
                String mcpNs = f.served.capability.mcp().get(0).namespace();
                String tool = f.served.capability.mcp().get(0).tools().get(0).name();
                var route = f.served.capability.rest().get(0).routes().get(0);
                String viaMcp = f.tool(mcpNs, tool, Map.of("city", "Oslo"));
                String viaRest = f.restOk(f.served.capability.rest().get(0).namespace(), route.method(),
                        route.pathTemplate() + "?city=Oslo", null);
                assertThat(viaMcp).as(file).isEqualTo("\"rain\"");
                assertThat(json(viaRest)).as(file).isEqualTo(json("\"rain\""));
                assertThat(f.take()).as(file).containsExactly("GET /forecast?city=Oslo", "GET /forecast?city=Oslo");
            }
        }
    }

    private static final String USERS = """
            [{"id":"u-1","name":"Ada Lovelace","email":"ada@example.org"},
             {"id":"u-2","name":"Grace Hopper","email":"grace@example.org"}]""";

    @Test
    void xmlAndCsvUpstreamsAnswerMappedJsonThroughRest() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "formats/xml-capability.yaml")) {
            f.upstream.answer(Reply.text(200, "application/xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <response><root count="2">
                      <user><id>u-1</id><name>Ada Lovelace</name><email>ada@example.org</email></user>
                      <user><id>u-2</id><name>Grace Hopper</name><email>grace@example.org</email></user>
                    </root></response>"""));
            assertThat(json(f.restOk("test-xml", "GET", "/xml/users", null))).isEqualTo(json(USERS));
            Recorded r = f.upstream.single();
            assertThat(r.method() + " " + r.target()).isEqualTo("GET /api/users");
            assertThat(r.headers().get("user-agent")).as("the file's header parameter, alone")
                    .containsExactly("Naftiko/1.0.0-alpha2");
        }
        try (FixtureCalls f = new FixtureCalls(R + "formats/csv-capability.yaml")) {
            f.upstream.answer(Reply.text(200, "text/csv", "id,name,email\r\nu-1,Ada Lovelace,ada@example.org\r\n"
                    + "u-2,\"Grace Hopper\",grace@example.org\r\n"));
            assertThat(json(f.restOk("test-csv", "GET", "/csv/users", null))).isEqualTo(json(USERS));
            assertThat(f.take()).containsExactly("GET /api/users");
        }
    }

    @Test
    void skillFixtureRestOperationRuns() throws Exception {
        try (FixtureCalls f = new FixtureCalls(R + "skill-capability.yaml")) {
            f.upstream.answer(Reply.json(200, "[{\"id\":1}]"));
            assertThat(json(f.restOk("orders-rest", "GET", "/orders", null))).isEqualTo(json("[{\"id\":1}]"));
            assertThat(f.take()).containsExactly("GET /orders");
        }
    }
}
