package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.Test;

/** The shipyard tutorial, step 7 (orchestrated lookup), as written, against a fake registry. */
class TutorialStep7Test {
    static final Path FILE = Path.of("src/test/resources/conformance/src/main/resources/tutorial/step-7-shipyard-orchestrated-lookup.yml");

    @Test
    void mcpToolAndRestOperationAnswerTheJoinedResultFromTwoCalls() {
        assertThat(FILE).isRegularFile();
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(r -> switch (r.path()) {
                case "/ships/9321483" -> FakeUpstream.Reply.json(200, """
                        {"imo_number":"9321483","vessel_name":"Northern Star","vessel_type":"container","flag_code":"NO",
                         "operational_status":"active","year_built":2008,"gross_tonnage":51000,
                         "dimensions":{"length_overall":294.1},"assignedCrew":["CRW-002","CRW-001"]}""");
                case "/crew" -> FakeUpstream.Reply.json(200, """
                        [{"crewId":"CRW-001","fullName":"Ada Lovelace","role":"captain"},
                         {"crewId":"CRW-002","fullName":"Grace Hopper","role":"engineer"},
                         {"crewId":"CRW-003","fullName":"Nobody","role":"cook"}]""");
                default -> FakeUpstream.Reply.json(404, "{}");
            });
            LoadResult r = SpecLoader.load(FILE);
            assertThat(r.hasErrors(false)).as(r.diagnostics().toString()).isFalse();
            Capability c = CapabilityPlanner.plan(r.spec(), new EngineOptions(Map.of(), Map.of(),
                    Map.of("registry", up.baseUri(), "legacy", up.baseUri()), false, Duration.ofSeconds(1), Duration.ofSeconds(5)));
            var expected = Json.parse("""
                    {"imo":"9321483","name":"Northern Star","type":"container","flag":"NO","status":"active",
                     "yearBuilt":2008,"tonnage":51000,"length":294.1,
                     "crew":[{"fullName":"Grace Hopper","role":"engineer"},{"fullName":"Ada Lovelace","role":"captain"}]}""");
            Unit tool = c.mcp().get(0).tools().stream().filter(t -> t.name().equals("get-ship-with-crew")).findFirst().orElseThrow();
            Outcome mcp = Planned.call(tool, "{\"imo\":\"9321483\"}");
            assertThat(mcp.status()).isEqualTo(200);
            assertThat(mcp.json()).isEqualTo(expected);
            assertThat(up.requests()).extracting(FakeUpstream.Recorded::path).containsExactly("/ships/9321483", "/crew");
            assertThat(up.requests().get(0).header("authorization")).isEqualTo("Bearer dummy-token");
            assertThat(up.requests().get(0).header("registry-version")).isEqualTo("1.0.0-alpha2");
            assertThat(tool.outputSchema().path("properties").path("crew")).isEqualTo(Json.parse(
                    "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"fullName\":{\"type\":\"string\"},\"role\":{\"type\":\"string\"}}}}"));
            up.clear();
            Unit rest = c.rest().stream().flatMap(e -> e.routes().stream()).map(RestEndpoint.RestRoute::unit)
                    .filter(u -> u.name().equals("get-ship-with-crew")).findFirst().orElseThrow();
            Outcome viaRest = Planned.rest(rest, Planned.get("/ships/9321483/crew", Map.of("imo", "9321483")));
            assertThat(viaRest.json()).isEqualTo(expected);
            assertThat(up.requests()).hasSize(2);
        }
    }
}
