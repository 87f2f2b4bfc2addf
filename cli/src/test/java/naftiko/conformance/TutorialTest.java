package naftiko.conformance;

import static naftiko.conformance.Shipyard.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tutorial ("Shipyard") steps 1–11 end to end: each file served as {@code naftiko run} serves
 * it, its upstreams redirected to a recording fake, every tool and REST operation called once;
 * the exact upstream requests and the exact mapped answers are checked.
 */
class TutorialTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MCP_TOKEN = "Bearer sk-mcp-YYYYYYYYYYYY";

    private final Shipyard shipyard = new Shipyard();
    private Served served;

    @AfterEach
    void stop() {
        if (served != null) served.close();
        shipyard.close();
    }

    private McpClient start(String step, boolean authenticated) {
        served = Served.start(Corpus.tutorial(step), shipyard.baseUris());
        McpClient mcp = served.mcp("shipyard-tools");
        return authenticated ? mcp.authorization(MCP_TOKEN) : mcp;
    }

    private JsonNode rest(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("shipyard-api") + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + " → " + r.body()).isEqualTo(200);
        return json(r.body());
    }

    /** Every REST operation of the shipyard-api exposure (steps 7, 10, 11) once, with its exact upstream requests. */
    private void restEverything() throws Exception {
        restEverything(false);
    }

    /**
     * @param legacyUnshaped step 7's REST legacy operation maps an array at {@code $.}, where the
     *                       decoded XML holds an object ({@code {"vessel": [...]}}; step 10 fixes
     *                       it to {@code $.vessel}): no output yields anything, so the upstream
     *                       body is relayed unchanged (SPEC §12.4, README "Results")
     */
    private void restEverything(boolean legacyUnshaped) throws Exception {
        assertThat(rest("/ships?status=active")).isEqualTo(json(Shipyard.LISTED));
        assertThat(rest("/ships/IMO-9321483")).isEqualTo(json(Shipyard.SHIP_SHAPED));
        assertThat(rest("/ships/IMO-9321483/crew")).isEqualTo(json(Shipyard.SHIP_WITH_CREW));
        if (legacyUnshaped) {
            HttpResponse<String> raw = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("shipyard-api")
                    + "/legacy/vessels?status=active")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("content-type").orElseThrow()).startsWith("application/xml");
            assertThat(raw.body()).isEqualTo(Shipyard.VESSELS_XML);
        } else {
            assertThat(rest("/legacy/vessels?status=active")).isEqualTo(json(Shipyard.LEGACY));
        }
        assertThat(shipyard.take()).containsExactly("GET /ships?status=active", "GET /ships/IMO-9321483",
                "GET /ships/IMO-9321483", "GET /crew", "GET /vessels?status=active");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("shipyard-api") + "/voyages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(McpClient.JSON.writeValueAsString(Shipyard.VOYAGE_ARGS))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("upstream status kept: " + created.body()).isEqualTo(201);
        assertThat(json(created.body())).isEqualTo(json(Shipyard.VOYAGE_SHAPED));
        Recorded post = shipyard.requests().get(0);
        assertThat(post.method() + " " + post.target()).isEqualTo("POST /voyages");
        assertThat(json(post.bodyText())).isEqualTo(json(Shipyard.VOYAGE_BODY));
        shipyard.take();
    }

    /** list-ships, get-ship (shaped with specs) and their exact upstream requests. */
    private void readTools(McpClient mcp, boolean specs) throws Exception {
        assertThat(mcp.callToolJson("list-ships", Map.of("status", "active"))).isEqualTo(json(Shipyard.LISTED));
        assertThat(shipyard.take()).containsExactly("GET /ships?status=active");
        assertThat(mcp.callToolJson("list-ships", Map.of())).isEqualTo(json(Shipyard.LISTED));
        assertThat(shipyard.take()).as("optional query omitted when absent").containsExactly("GET /ships");
        JsonNode ship = mcp.callToolJson("get-ship", Map.of("imo", "IMO-9321483"));
        JsonNode expected = json(Shipyard.SHIP_SHAPED);
        if (!specs) ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("specs");
        assertThat(ship).isEqualTo(expected);
        assertThat(shipyard.take()).containsExactly("GET /ships/IMO-9321483");
    }

    private void legacyTool(McpClient mcp) throws Exception {
        assertThat(mcp.callToolJson("list-legacy-vessels", Map.of("status", "active"))).isEqualTo(json(Shipyard.LEGACY));
        Recorded r = shipyard.requests().get(0);
        assertThat(r.target()).isEqualTo("/vessels?status=active");
        assertThat(r.header("x-dock-key")).isEqualTo("dummy-dockyard-key");
        shipyard.take();
    }

    private void createVoyage(McpClient mcp) throws Exception {
        assertThat(mcp.callToolJson("create-voyage", Shipyard.VOYAGE_ARGS)).isEqualTo(json(Shipyard.VOYAGE_SHAPED));
        Recorded r = shipyard.requests().get(0);
        assertThat(r.method() + " " + r.target()).isEqualTo("POST /voyages");
        assertThat(json(r.bodyText())).isEqualTo(json(Shipyard.VOYAGE_BODY));
        shipyard.take();
    }

    private void shipWithCrew(McpClient mcp) throws Exception {
        assertThat(mcp.callToolJson("get-ship-with-crew", Map.of("imo", "IMO-9321483"))).isEqualTo(json(Shipyard.SHIP_WITH_CREW));
        assertThat(shipyard.take()).containsExactly("GET /ships/IMO-9321483", "GET /crew");
    }

    @Test
    void step1MockToolAnswersWithoutUpstream() throws Exception {
        McpClient mcp = start("step-1-shipyard-mock.yml", false);
        assertThat(mcp.callToolJson("get-ship", Map.of("imo_number", "IMO-1234567"))).isEqualTo(json("""
                {"imo":"IMO-1234567","name":"Northern Star","type":"cargo","flag":"NO","status":"active"}"""));
        assertThat(shipyard.requests()).isEmpty();
    }

    @Test
    void step2WiresToolsToTheRegistry() throws Exception {
        McpClient mcp = start("step-2-shipyard-wiring.yml", false);
        readTools(mcp, false);
        assertThat(shipyard.requests()).isEmpty();
    }

    @Test
    void step3SendsBoundCredentialsAndRequiresTheMcpToken() throws Exception {
        McpClient anonymous = start("step-3-shipyard-auth.yml", false);
        HttpResponse<String> refused = anonymous.initialize();
        assertThat(refused.statusCode()).isEqualTo(401);
        McpClient mcp = served.mcp("shipyard-tools").authorization(MCP_TOKEN);
        assertThat(mcp.callToolJson("list-ships", Map.of("status", "active"))).isEqualTo(json(Shipyard.LISTED));
        shipyard.assertRegistryHeaders("dummy-token", "1.0.0-alpha2");
        assertThat(shipyard.take()).containsExactly("GET /ships?status=active");
    }

    @Test
    void step4ShapesNestedOutputs() throws Exception {
        McpClient mcp = start("step-4-shipyard-output-shaping.yml", true);
        readTools(mcp, true);
    }

    @Test
    void step5ImportsTwoSourcesOneOfThemXml() throws Exception {
        McpClient mcp = start("step-5-shipyard-multi-source.yml", true);
        assertThat(mcp.callToolJson("list-ships", Map.of("status", "active"))).isEqualTo(json(Shipyard.LISTED));
        shipyard.assertRegistryHeaders("dummy-token", "1.0.0-alpha2");
        shipyard.take();
        legacyTool(mcp);
    }

    @Test
    void step6PostsARawJsonBodyWithArrays() throws Exception {
        McpClient mcp = start("step-6-shipyard-write-operations.yml", true);
        createVoyage(mcp);
        JsonNode tools = mcp.request("tools/list", McpClient.JSON.createObjectNode(), true).at("/result/tools");
        JsonNode create = null;
        for (JsonNode t : tools) if (t.get("name").asText().equals("create-voyage")) create = t;
        assertThat(create.get("annotations")).isEqualTo(json("""
                {"readOnlyHint":false,"destructiveHint":false,"idempotentHint":false,"openWorldHint":true}"""));
    }

    @Test
    void step7OrchestratedLookupJoinsTwoCallsThroughMcpAndRest() throws Exception {
        McpClient mcp = start("step-7-shipyard-orchestrated-lookup.yml", true);
        readTools(mcp, true);
        legacyTool(mcp);
        createVoyage(mcp);
        shipWithCrew(mcp);
        assertThat(rest("/ships/IMO-9321483/crew")).isEqualTo(json(Shipyard.SHIP_WITH_CREW));
        assertThat(shipyard.requests()).extracting(r -> r.method() + " " + r.target())
                .containsExactly("GET /ships/IMO-9321483", "GET /crew");
        shipyard.assertRegistryHeaders("dummy-token", "1.0.0-alpha2");
        shipyard.take();
        restEverything(true);
    }

    @Test
    void step7AFailingStepStopsTheUnitAndIsNamed() throws Exception {
        McpClient mcp = start("step-7-shipyard-orchestrated-lookup.yml", true);
        shipyard.upstream.answer(r -> r.path().equals("/crew") ? naftiko.engine.testing.FakeUpstream.Reply.json(503, "{\"down\":true}")
                : naftiko.engine.testing.FakeUpstream.Reply.json(200, Shipyard.SHIP));
        JsonNode result = mcp.callTool("get-ship-with-crew", Map.of("imo", "IMO-9321483"));
        assertThat(result.get("isError").asBoolean()).isTrue();
        assertThat(result.at("/content/0/text").asText()).contains("list-crew").contains("503");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("shipyard-api")
                + "/ships/IMO-9321483/crew")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("list-crew");
        assertThat(shipyard.take()).containsExactly("GET /ships/IMO-9321483", "GET /crew", "GET /ships/IMO-9321483", "GET /crew");
    }

    @Test
    void step8ServesToolsAndTheirSkillGroups() throws Exception {
        McpClient mcp = start("step-8-shipyard-skill-groups.yml", true);
        readTools(mcp, true);
        legacyTool(mcp);
        createVoyage(mcp);
        shipWithCrew(mcp);
        HttpResponse<String> skills = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("shipyard-skills") + "/skills"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(skills.body()).findValuesAsText("name")).containsExactly("fleet-ops", "voyage-ops");
    }

    @Test
    void step9AggregateBehindAnMcpToolWithDerivedHints() throws Exception {
        McpClient mcp = start("step-9-shipyard-aggregates.yml", true);
        shipWithCrew(mcp);
        JsonNode tools = mcp.request("tools/list", McpClient.JSON.createObjectNode(), true).at("/result/tools");
        JsonNode tool = null;
        for (JsonNode t : tools) if (t.get("name").asText().equals("get-ship-with-crew")) tool = t;
        assertThat(tool.at("/annotations/readOnlyHint").asBoolean()).isTrue();
        assertThat(tool.at("/annotations/idempotentHint").asBoolean()).isTrue();
        assertThat(tool.at("/annotations/destructiveHint").asBoolean(true)).isFalse();
    }

    @Test
    void step10SameAggregateThroughRestAndMcp() throws Exception {
        McpClient mcp = start("step-10-shipyard-rest-adapter.yml", true);
        JsonNode viaMcp = mcp.callToolJson("get-ship-with-crew", Map.of("imo", "IMO-9321483"));
        List<String> mcpRequests = shipyard.take();
        JsonNode viaRest = rest("/ships/IMO-9321483/crew");
        assertThat(viaMcp).isEqualTo(json(Shipyard.SHIP_WITH_CREW)).isEqualTo(viaRest);
        assertThat(shipyard.take()).isEqualTo(mcpRequests).containsExactly("GET /ships/IMO-9321483", "GET /crew");
        readTools(mcp, true);
        legacyTool(mcp);
        createVoyage(mcp);
        restEverything();
        shipyard.assertRegistryHeaders("dummy-token", "1.0.0-alpha2");
    }

    @Test
    void step11FleetManifestJoinsFourCallsWithThreeLookups() throws Exception {
        McpClient mcp = start("step-11-shipyard-fleet-manifest.yml", true);
        JsonNode manifest = mcp.callToolJson("get-voyage-manifest", Map.of("voyageId", "VOY-1"));
        assertThat(manifest).isEqualTo(json("""
                {"voyageId":"VOY-1","status":"planned","route":{"from":"Oslo","to":"Rotterdam"},
                 "ship":{"name":"Northern Star","type":"bulk_carrier","flag":"NO"},
                 "crew":[{"fullName":"Ada Lovelace","role":"captain"},{"fullName":"Linus Torvalds","role":"deckhand"}],
                 "cargo":[{"type":"tank","description":"Ethanol","weight":30,"hazardous":true}]}"""));
        shipyard.assertRegistryHeaders("REGISTRY_TOKEN", "REGISTRY_VERSION");
        assertThat(shipyard.take()).containsExactly("GET /voyages/VOY-1", "GET /ships", "GET /crew", "GET /cargo");
        // The REST operation declares its own, flat mappings.
        assertThat(rest("/voyages/VOY-1/manifest")).isEqualTo(json("""
                {"voyageId":"VOY-1","status":"planned","departurePort":"Oslo","arrivalPort":"Rotterdam",
                 "shipName":"Northern Star","shipType":"bulk_carrier","shipFlag":"NO",
                 "crew":[{"fullName":"Ada Lovelace","role":"captain"},{"fullName":"Linus Torvalds","role":"deckhand"}],
                 "cargo":[{"type":"tank","description":"Ethanol","weight":30,"hazardous":true}]}"""));
        assertThat(shipyard.take()).containsExactly("GET /voyages/VOY-1", "GET /ships", "GET /crew", "GET /cargo");
        shipWithCrew(mcp);
        readTools(mcp, true);
        legacyTool(mcp);
        createVoyage(mcp);
        restEverything();
        shipyard.assertRegistryHeaders("REGISTRY_TOKEN", "REGISTRY_VERSION");
    }
}
