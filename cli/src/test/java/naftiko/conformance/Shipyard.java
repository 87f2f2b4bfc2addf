package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Recorded;
import naftiko.engine.testing.FakeUpstream.Reply;

/**
 * The tutorial's two upstreams (the maritime registry, JSON; the legacy dockyard, XML) as one
 * recording fake on 127.0.0.1, with fixed data and the results the tutorial's mappings imply.
 */
final class Shipyard implements AutoCloseable {

    static final String SHIP = """
            {"imo_number":"IMO-9321483","vessel_name":"Northern Star","vessel_type":"bulk_carrier","flag_code":"NO",
             "operational_status":"active","year_built":2009,"gross_tonnage":51000,
             "dimensions":{"length_overall":229.5,"beam":32.3},"assignedCrew":["CREW-001","CREW-003"]}""";
    static final String SHIPS = """
            [{"imo_number":"IMO-9321483","vessel_name":"Northern Star","vessel_type":"bulk_carrier","flag_code":"NO",
              "operational_status":"active","owner":"Nordic Bulk"},
             {"imo_number":"IMO-9704312","vessel_name":"Southern Cross","vessel_type":"tanker","flag_code":"PA",
              "operational_status":"active"}]""";
    static final String CREW = """
            [{"crewId":"CREW-001","fullName":"Ada Lovelace","role":"captain","nationality":"GB"},
             {"crewId":"CREW-002","fullName":"Grace Hopper","role":"engineer"},
             {"crewId":"CREW-003","fullName":"Linus Torvalds","role":"deckhand"}]""";
    static final String CARGO = """
            [{"cargoId":"CARGO-1","type":"container","description":"Machine parts","weight":12.5,"hazardous":false},
             {"cargoId":"CARGO-2","type":"tank","description":"Ethanol","weight":30,"hazardous":true}]""";
    static final String VOYAGE = """
            {"voyageId":"VOY-1","shipImo":"IMO-9321483","departurePort":"Oslo","arrivalPort":"Rotterdam",
             "departureDate":"2026-01-10","arrivalDate":"2026-01-14","crewIds":["CREW-001","CREW-003"],
             "cargoIds":["CARGO-2"],"status":"planned"}""";
    static final String VESSELS_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <vessels>
              <vessel><vesselCode>DV-001</vesselCode><vesselName>Old Faithful</vesselName><category>tug</category>
                <flagState>NL</flagState><operationalStatus>active</operationalStatus></vessel>
              <vessel><vesselCode>DV-002</vesselCode><vesselName>Rusty</vesselName><category>barge</category>
                <flagState>BE</flagState><operationalStatus>active</operationalStatus></vessel>
            </vessels>""";

    /** list-ships as every tutorial step maps it. */
    static final String LISTED = """
            [{"imo":"IMO-9321483","name":"Northern Star","type":"bulk_carrier","flag":"NO","status":"active"},
             {"imo":"IMO-9704312","name":"Southern Cross","type":"tanker","flag":"PA","status":"active"}]""";
    static final String SHIP_SHAPED = """
            {"imo":"IMO-9321483","name":"Northern Star","type":"bulk_carrier","flag":"NO","status":"active",
             "specs":{"yearBuilt":2009,"tonnage":51000,"length":229.5}}""";
    static final String LEGACY = """
            [{"vesselCode":"DV-001","name":"Old Faithful","type":"tug","flag":"NL","status":"active"},
             {"vesselCode":"DV-002","name":"Rusty","type":"barge","flag":"BE","status":"active"}]""";
    /** get-ship-with-crew: the ship joined with the crew members it names (multi-match lookup). */
    static final String SHIP_WITH_CREW = """
            {"imo":"IMO-9321483","name":"Northern Star","type":"bulk_carrier","flag":"NO","status":"active",
             "yearBuilt":2009,"tonnage":51000,"length":229.5,
             "crew":[{"fullName":"Ada Lovelace","role":"captain"},{"fullName":"Linus Torvalds","role":"deckhand"}]}""";
    static final String VOYAGE_SHAPED = """
            {"voyageId":"VOY-1","shipImo":"IMO-9321483","route":{"from":"Oslo","to":"Rotterdam"},
             "dates":{"departure":"2026-01-10","arrival":"2026-01-14"},"crewIds":["CREW-001","CREW-003"],
             "cargoIds":["CARGO-2"],"status":"planned"}""";
    static final Map<String, Object> VOYAGE_ARGS = Map.of("shipImo", "IMO-9321483", "departurePort", "Oslo",
            "arrivalPort", "Rotterdam", "departureDate", "2026-01-10", "arrivalDate", "2026-01-14",
            "crewIds", List.of("CREW-001", "CREW-003"), "cargoIds", List.of("CARGO-2"));
    static final String VOYAGE_BODY = """
            {"shipImo":"IMO-9321483","departurePort":"Oslo","arrivalPort":"Rotterdam","departureDate":"2026-01-10",
             "arrivalDate":"2026-01-14","crewIds":["CREW-001","CREW-003"],"cargoIds":["CARGO-2"]}""";

    final FakeUpstream upstream = new FakeUpstream();

    Shipyard() {
        upstream.answer(r -> switch (r.method() + " " + r.path()) {
            case "GET /ships" -> Reply.json(200, SHIPS);
            case "GET /ships/IMO-9321483" -> Reply.json(200, SHIP);
            case "GET /crew" -> Reply.json(200, CREW);
            case "GET /cargo" -> Reply.json(200, CARGO);
            case "POST /voyages" -> Reply.json(201, VOYAGE);
            case "GET /voyages/VOY-1" -> Reply.json(200, VOYAGE);
            case "GET /vessels" -> Reply.text(200, "application/xml", VESSELS_XML);
            default -> Reply.json(404, "{\"error\":\"not found\"}");
        });
    }

    /** Both consumed namespaces of the tutorial redirected here. */
    Map<String, String> baseUris() {
        return Map.of("registry", upstream.baseUri(), "legacy", upstream.baseUri());
    }

    List<Recorded> requests() {
        return upstream.requests();
    }

    /** The requests since the last call, as {@code METHOD path?query}, then forgets them. */
    List<String> take() {
        List<String> out = upstream.requests().stream().map(r -> r.method() + " " + r.target()).toList();
        upstream.clear();
        return out;
    }

    static JsonNode json(String text) {
        try {
            return McpClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every recorded registry request carried the registry credentials (bearer + version header). */
    void assertRegistryHeaders(String token, String version) {
        for (Recorded r : upstream.requests()) {
            if (r.path().startsWith("/vessels")) {
                assertThat(r.header("x-dock-key")).as(r.target()).isEqualTo("dummy-dockyard-key");
                assertThat(r.header("authorization")).as(r.target()).isNull();
            } else {
                assertThat(r.header("authorization")).as(r.target()).isEqualTo(token == null ? null : "Bearer " + token);
                assertThat(r.header("registry-version")).as(r.target()).isEqualTo(version);
            }
        }
    }

    @Override
    public void close() {
        upstream.close();
    }
}
