package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import naftiko.engine.spec.model.McpPrompt;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shaped outputs, mock, ref (aggregates), orchestrated steps with lookup, resources, prompts, forward. */
class ExecutionModesTest {
    @TempDir
    Path dir;
    FakeUpstream upstream;
    Planned p;

    @BeforeEach
    void start() throws Exception {
        upstream = new FakeUpstream().answer(r -> switch (r.path()) {
            case "/ships/IMO-1" -> FakeUpstream.Reply.json(200, """
                    {"imo_number":"IMO-1","vessel_name":"Aurora","year_built":2001,"dimensions":{"length_overall":120.5},
                     "assignedCrew":["C2","C9","C1"]}""");
            case "/ships/IMO-404" -> FakeUpstream.Reply.json(404, "{\"error\":\"no such ship\"}");
            case "/crew" -> FakeUpstream.Reply.json(200, """
                    [{"crewId":"C1","fullName":"Ada","role":"captain","salary":1},
                     {"crewId":"C2","fullName":"Bo","role":"cook","salary":2}]""");
            case "/ships" -> FakeUpstream.Reply.json(200, "[{\"imo_number\":\"A\",\"vessel_name\":\"x\"},{\"imo_number\":\"B\"}]");
            case "/forecast" -> FakeUpstream.Reply.json(200, "{\"forecast\":\"sunny in " + r.rawQuery() + "\"}");
            default -> FakeUpstream.Reply.text(200, "text/plain", "relayed " + r.method() + " " + r.target() + " " + r.bodyText());
        });
        Files.createDirectories(dir.resolve("docs/sub"));
        Files.writeString(dir.resolve("docs/readme.md"), "# Hello");
        Files.writeString(dir.resolve("docs/sub/b.json"), "{}");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        p = Planned.of(dir, yaml(upstream.baseUri()), Map.of("TOKEN", "tk-999"), false);
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    static String yaml(String base) {
        return """
                naftiko: "1.0.0-alpha2"
                binds:
                  - namespace: "env"
                    keys:
                      TOKEN: "TOKEN"
                capability:
                  aggregates:
                    - label: "Forecast"
                      namespace: "forecast"
                      functions:
                        - name: "get-forecast"
                          description: "Fetch the forecast."
                          semantics:
                            safe: true
                            idempotent: true
                          inputParameters:
                            - name: "city"
                              type: "string"
                              description: "City"
                          call: "api.get-forecast"
                          with:
                            city: "forecast.city"
                          outputParameters:
                            - type: "string"
                              mapping: "$.forecast"
                        - name: "forecast-missing"
                          description: "Outputs that match nothing."
                          call: "api.get-forecast"
                          outputParameters:
                            - type: "string"
                              mapping: "$.nothing"
                  exposes:
                    - type: "mcp"
                      namespace: "tools-ns"
                      port: 9999
                      tools:
                        - name: "list-ships"
                          description: "typed"
                          call: "api.list-ships"
                          outputParameters:
                            - type: "array"
                              mapping: "$."
                              items:
                                type: "object"
                                properties:
                                  imo:
                                    type: "string"
                                    mapping: "$.imo_number"
                                  name:
                                    type: "string"
                                    mapping: "$.vessel_name"
                        - name: "get-ship"
                          description: "nested"
                          inputParameters:
                            - name: "imo"
                              type: "string"
                              description: "IMO"
                          call: "api.get-ship"
                          with:
                            imo_number: "tools-ns.imo"
                          outputParameters:
                            - type: "object"
                              properties:
                                name:
                                  type: "string"
                                  mapping: "$.vessel_name"
                                specs:
                                  type: "object"
                                  properties:
                                    yearBuilt:
                                      type: "number"
                                      mapping: "$.year_built"
                                    length:
                                      type: "number"
                                      mapping: "$.dimensions.length_overall"
                        - name: "hello"
                          description: "mock"
                          inputParameters:
                            - name: "who"
                              type: "string"
                              description: "name"
                          outputParameters:
                            - name: "greeting"
                              type: "string"
                              value: "Hello, {{who}}!"
                            - name: "answer"
                              type: "number"
                              value: "42"
                        - name: "forecast"
                          ref: "forecast.get-forecast"
                        - name: "forecast-fallback"
                          ref: "forecast.forecast-missing"
                          outputParameters:
                            - type: "object"
                              properties:
                                text:
                                  type: "string"
                                  mapping: "$.forecast"
                        - name: "ship-with-crew"
                          description: "orchestrated"
                          inputParameters:
                            - name: "imo"
                              type: "string"
                              description: "IMO"
                          steps:
                            - name: "get-ship"
                              type: "call"
                              call: "api.get-ship"
                              with:
                                imo_number: "{{imo}}"
                            - name: "list-crew"
                              type: "call"
                              call: "api.list-crew"
                            - name: "resolve-crew"
                              type: "lookup"
                              index: "list-crew"
                              match: "crewId"
                              lookupValue: "$.get-ship.assignedCrew"
                              outputParameters:
                                - "fullName"
                                - "role"
                          mappings:
                            - targetName: "imo"
                              value: "$.get-ship.imo_number"
                            - targetName: "specs.length"
                              value: "$.get-ship.dimensions.length_overall"
                            - targetName: "crew"
                              value: "$.resolve-crew"
                          outputParameters:
                            - name: "imo"
                              type: "string"
                      resources:
                        - name: "docs"
                          label: "Docs"
                          uri: "docs://guide"
                          description: "static"
                          location: "file:///./docs"
                        - name: "ship"
                          label: "Ship"
                          uri: "ships://{imo}/name"
                          description: "dynamic"
                          call: "api.get-ship"
                          with:
                            imo_number: "{{imo}}"
                          outputParameters:
                            - type: "string"
                              mapping: "$.vessel_name"
                      prompts:
                        - name: "outreach"
                          label: "Outreach"
                          description: "p"
                          arguments:
                            - name: "who"
                              description: "name"
                            - name: "topic"
                              description: "topic"
                              required: false
                          template:
                            - role: "user"
                              content: "Write to {{who}} about {{topic}}."
                    - type: "rest"
                      namespace: "rest-ns"
                      port: 9998
                      resources:
                        - path: "/forecast/{city}"
                          name: "forecast"
                          operations:
                            - method: "GET"
                              ref: "forecast.get-forecast"
                              inputParameters:
                                - name: "city"
                                  in: "path"
                                  type: "string"
                                  description: "City"
                        - path: "/ships/{imo}/crew"
                          name: "crew"
                          operations:
                            - method: "GET"
                              name: "ship-with-crew"
                              steps:
                                - name: "get-ship"
                                  type: "call"
                                  call: "api.get-ship"
                                  with:
                                    imo_number: "rest-ns.imo"
                                - name: "list-crew"
                                  type: "call"
                                  call: "api.list-crew"
                                - name: "resolve-crew"
                                  type: "lookup"
                                  index: "list-crew"
                                  match: "crewId"
                                  lookupValue: "$.get-ship.assignedCrew"
                                  outputParameters:
                                    - "fullName"
                              mappings:
                                - targetName: "crew"
                                  value: "$.resolve-crew"
                        - path: "/relay/{path}"
                          name: "relay"
                          forward:
                            targetNamespace: "api"
                            trustedHeaders:
                              - "X-Keep"
                  consumes:
                    - type: "http"
                      namespace: "api"
                      baseUri: "%s"
                      authentication:
                        type: "bearer"
                        token: "{{TOKEN}}"
                      resources:
                        - name: "ships"
                          path: "/ships"
                          operations:
                            - name: "list-ships"
                              method: "GET"
                        - name: "ship"
                          path: "/ships/{{imo_number}}"
                          operations:
                            - name: "get-ship"
                              method: "GET"
                              inputParameters:
                                - name: "imo_number"
                                  in: "path"
                        - name: "crew"
                          path: "/crew"
                          operations:
                            - name: "list-crew"
                              method: "GET"
                        - name: "forecast"
                          path: "/forecast"
                          operations:
                            - name: "get-forecast"
                              method: "GET"
                              inputParameters:
                                - name: "city"
                                  in: "query"
                """.formatted(base);
    }

    @Test
    void arrayItemsAreShapedRelativeToEachElement() {
        Outcome o = Planned.call(p.tool("list-ships"), "{}");
        assertThat(o.json()).isEqualTo(Json.parse("[{\"imo\":\"A\",\"name\":\"x\"},{\"imo\":\"B\",\"name\":null}]"));
        assertThat(p.tool("list-ships").outputSchema()).isEqualTo(Json.parse(
                "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"imo\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}}}}"));
    }

    @Test
    void nestedObjectsWithoutMappingReadTheSameNode() {
        Outcome o = Planned.call(p.tool("get-ship"), "{\"imo\":\"IMO-1\"}");
        assertThat(o.json()).isEqualTo(Json.parse("{\"name\":\"Aurora\",\"specs\":{\"yearBuilt\":2001,\"length\":120.5}}"));
        assertThat(o.contentType()).isEqualTo("application/json");
        assertThat(upstream.single().header("authorization")).isEqualTo("Bearer tk-999");
        assertThat(p.tool("get-ship").inputSchema()).isEqualTo(Json.parse(
                "{\"type\":\"object\",\"properties\":{\"imo\":{\"type\":\"string\",\"description\":\"IMO\"}},\"required\":[\"imo\"]}"));
    }

    @Test
    void mockToolRendersValuesWithoutUpstream() {
        Outcome o = Planned.call(p.tool("hello"), "{\"who\":\"Ada\"}");
        assertThat(o.json()).isEqualTo(Json.parse("{\"greeting\":\"Hello, Ada!\",\"answer\":42}"));
        assertThat(upstream.requests()).isEmpty();
        assertThat(p.tool("hello").target()).isEqualTo("mock");
    }

    @Test
    void aggregateFunctionGivesTheSameResultThroughRestAndMcp() {
        Outcome mcp = Planned.call(p.tool("forecast"), "{\"city\":\"Paris\"}");
        Outcome rest = Planned.rest(p.rest("get-forecast"), Planned.get("/forecast/Paris", Map.of("city", "Paris")));
        assertThat(mcp.json()).isEqualTo(Json.parse("\"sunny in city=Paris\""));
        assertThat(rest.json()).isEqualTo(mcp.json());
        assertThat(upstream.requests()).extracting(FakeUpstream.Recorded::target).containsExactly("/forecast?city=Paris", "/forecast?city=Paris");
        Unit tool = p.tool("forecast");
        assertThat(tool.description()).isEqualTo("Fetch the forecast.");
        assertThat(tool.hints().readOnly()).isTrue();
        assertThat(tool.hints().destructive()).isFalse();
        assertThat(tool.hints().idempotent()).isTrue();
        assertThat(tool.inputSchema().path("required")).isEqualTo(Json.parse("[\"city\"]"));
    }

    @Test
    void refFallsBackToTheUnitsOwnOutputs() {
        assertThat(Planned.call(p.tool("forecast-fallback"), "{}").json())
                .isEqualTo(Json.parse("{\"text\":\"sunny in null\"}"));
    }

    @Test
    void orchestratedLookupJoinsTwoCallsIntoTheMappedResult() {
        Outcome o = Planned.call(p.tool("ship-with-crew"), "{\"imo\":\"IMO-1\"}");
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.json()).isEqualTo(Json.parse("""
                {"imo":"IMO-1","specs":{"length":120.5},
                 "crew":[{"fullName":"Bo","role":"cook"},{"fullName":"Ada","role":"captain"}]}"""));
        assertThat(upstream.requests()).extracting(FakeUpstream.Recorded::path).containsExactly("/ships/IMO-1", "/crew");
        Outcome rest = Planned.rest(p.rest("ship-with-crew"), Planned.get("/ships/IMO-1/crew", Map.of("imo", "IMO-1")));
        assertThat(rest.json()).isEqualTo(Json.parse("{\"crew\":[{\"fullName\":\"Bo\"},{\"fullName\":\"Ada\"}]}"));
    }

    @Test
    void failingStepStopsTheUnitNamingTheStep() {
        Outcome o = Planned.call(p.tool("ship-with-crew"), "{\"imo\":\"IMO-404\"}");
        assertThat(o.status()).isEqualTo(404);
        assertThat(o.json().path("error").asText()).isEqualTo("step 'get-ship' (api.get-ship) failed with upstream status 404");
        assertThat(o.json().path("upstream")).isEqualTo(Json.parse("{\"error\":\"no such ship\"}"));
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void staticResourcesListAndReadSafely() throws Exception {
        McpResourceUnit docs = p.capability.mcp().get(0).resources().get(0);
        assertThat(docs.entries()).extracting(McpResourceUnit.Entry::uri).containsExactly("docs://guide/readme.md", "docs://guide/sub/b.json");
        assertThat(docs.read("docs://guide/readme.md", null).get(5, TimeUnit.SECONDS).text()).isEqualTo("# Hello");
        assertThat(docs.read("docs://guide/readme.md", null).get().mimeType()).isEqualTo("text/markdown");
        for (String bad : List.of("docs://guide/../secret.txt", "docs://guide/sub/../../secret.txt", "docs://guide/sub",
                "docs://guide/missing.md", "docs://guide/%2e%2e/secret.txt")) {
            assertThatThrownBy(() -> docs.read(bad, null).get(5, TimeUnit.SECONDS)).as(bad)
                    .cause().isInstanceOf(UnitFailure.class).hasMessage("unknown resource " + bad);
        }
    }

    @Test
    void dynamicTemplateResourceCallsTheUpstream() throws Exception {
        McpResourceUnit ship = p.capability.mcp().get(0).resources().get(1);
        assertThat(ship.isTemplate()).isTrue();
        assertThat(ship.entries()).isEmpty();
        assertThat(ship.match("ships://IMO-1/name")).contains(Map.of("imo", "IMO-1"));
        assertThat(ship.match("ships://a/b/name")).isEmpty();
        McpResourceUnit.Content c = ship.read("ships://IMO-1/name", new CallContext(null, "mcp")).get(5, TimeUnit.SECONDS);
        assertThat(c.text()).isEqualTo("\"Aurora\"");
        assertThat(c.mimeType()).isEqualTo("application/json");
    }

    @Test
    void promptsSubstituteLiterallyAndRequireArguments() {
        McpPromptUnit prompt = p.capability.mcp().get(0).prompts().get(0);
        List<McpPrompt.Message> m = prompt.render(Map.of("who", "{{topic}} $1 \\", "topic", "boats"));
        assertThat(m).containsExactly(new McpPrompt.Message("user", "Write to {{topic}} $1 \\ about boats."));
        assertThat(prompt.render(Map.of("who", "Ada")).get(0).content()).isEqualTo("Write to Ada about {{topic}}.");
        assertThatThrownBy(() -> prompt.render(Map.of())).isInstanceOf(UnitFailure.class).hasMessage("missing required argument who");
    }

    @Test
    void forwardRelaysMethodPathQueryBodyAndOnlyTrustedHeaders() {
        RestEndpoint.RestRoute relay = p.capability.rest().get(0).routes().stream().filter(RestEndpoint.RestRoute::forward).findFirst().orElseThrow();
        assertThat(relay.method()).isEqualTo("*");
        InboundRequest req = new InboundRequest("PUT", "/relay/a/b", Map.of("path", "a/b"), Map.of("q", List.of("1")), "q=1",
                Map.of("x-keep", List.of("yes"), "x-drop", List.of("no")), Map.of(), "{\"v\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json", Json.parse("{\"v\":1}"), "a/b");
        Outcome o = Planned.rest(relay.unit(), req);
        FakeUpstream.Recorded r = upstream.single();
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.target()).isEqualTo("/a/b?q=1");
        assertThat(r.header("x-keep")).isEqualTo("yes");
        assertThat(r.header("x-drop")).isNull();
        assertThat(r.header("authorization")).isEqualTo("Bearer tk-999");
        assertThat(r.bodyText()).isEqualTo("{\"v\":1}");
        assertThat(o.contentType()).isEqualTo("text/plain");
        upstream.clear();
        Planned.rest(relay.unit(), new InboundRequest("GET", "/relay/..", Map.of("path", ".."), Map.of(), null, Map.of(), Map.of(),
                new byte[0], null, null, ".."));
        assertThat(upstream.single().path()).isEqualTo("/%2E%2E");
    }

    @Test
    void dryRunOfStepsListsEachRequest() {
        Planned dry = Planned.of(dir, yaml(upstream.baseUri()), Map.of("TOKEN", "tk-999"), true);
        Outcome o = Planned.call(dry.tool("ship-with-crew"), "{\"imo\":\"IMO-1\"}");
        assertThat(upstream.requests()).isEmpty();
        assertThat(o.json().path("steps")).hasSize(2);
        assertThat(o.json().path("steps").get(0).path("url").asText()).isEqualTo(upstream.baseUri() + "/ships/IMO-1");
        assertThat(o.json().path("steps").get(0).path("headers").path("Authorization").asText()).isEqualTo("Bearer ***");
    }
}
