package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XML upstream and a CSV upstream, both mapped to JSON by the unit's outputs. */
class FormatsShapingTest {
    @TempDir
    Path dir;

    @Test
    void xmlAndCsvUpstreamsReturnMappedJson() {
        try (FakeUpstream up = new FakeUpstream()) {
            up.answer(r -> r.path().equals("/users.xml")
                    ? FakeUpstream.Reply.text(200, "application/xml",
                            "<users><user id=\"1\"><name>Ada</name></user><user id=\"2\"><name>Bo</name></user></users>")
                    : FakeUpstream.Reply.text(200, "text/csv", "code,city\nPAR,Paris\nOSL,Oslo\n"));
            Planned p = Planned.of(dir, """
                    naftiko: "1.0.0-alpha2"
                    capability:
                      exposes:
                        - type: "mcp"
                          namespace: "m"
                          port: 9999
                          tools:
                            - name: "users"
                              description: "xml"
                              call: "api.users"
                              outputParameters:
                                - type: "array"
                                  mapping: "$.user"
                                  items:
                                    type: "object"
                                    properties:
                                      id:
                                        type: "string"
                                        mapping: "$.id"
                                      name:
                                        type: "string"
                                        mapping: "$.name"
                            - name: "ports"
                              description: "csv"
                              call: "api.ports"
                              outputParameters:
                                - type: "array"
                                  mapping: "$"
                                  items:
                                    type: "string"
                                    mapping: "$.city"
                      consumes:
                        - type: "http"
                          namespace: "api"
                          baseUri: "%s"
                          resources:
                            - name: "users"
                              path: "/users.xml"
                              operations:
                                - name: "users"
                                  method: "GET"
                                  outputRawFormat: "xml"
                            - name: "ports"
                              path: "/ports.csv"
                              operations:
                                - name: "ports"
                                  method: "GET"
                                  outputRawFormat: "csv"
                    """.formatted(up.baseUri()), Map.of(), false);
            Outcome users = Planned.call(p.tool("users"), "{}");
            assertThat(users.contentType()).isEqualTo("application/json");
            assertThat(users.json()).isEqualTo(Json.parse("[{\"id\":\"1\",\"name\":\"Ada\"},{\"id\":\"2\",\"name\":\"Bo\"}]"));
            Outcome ports = Planned.call(p.tool("ports"), "{}");
            assertThat(ports.json()).isEqualTo(Json.parse("[\"Paris\",\"Oslo\"]"));
        }
    }
}
