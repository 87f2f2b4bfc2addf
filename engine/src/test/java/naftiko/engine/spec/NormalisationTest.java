package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import naftiko.engine.spec.model.Aggregate;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.Step;
import naftiko.engine.spec.model.WithEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The normalisation contract the engine relies on: canonical forms, one leniency warning each. */
class NormalisationTest {
    @TempDir
    Path dir;

    static final String DOC = """
            naftiko: 1.0.0-alpha2
            capability:
              consumes:
                - type: http
                  namespace: up
                  baseUri: https://up.test
                  resources:
                    - name: things
                      path: /things/{id}/parts/{{part}}/
                      operations:
                        - name: get-thing
                          method: get
                          outputParameters:
                            - {name: all, type: object, value: "$."}
              exposes:
                - type: rest
                  namespace: api
                  port: 8080
                  resources:
                    - path: /things/{{id}}/parts/{part}
                      operations:
                        - method: GET
                          call: up.get-thing
                          with:
                            id: rest.id
                            part: $this.api.part
                            keep: rest.not an id
                            other: tools.id
                            canon: api.id
                            number: 42
                            templ: "{{id}}"
                          outputParameters:
                            - {type: array, mapping: "$."}
                - type: mcp
                  namespace: tools-ns
                  port: 9000
                  tools:
                    - name: get
                      description: Get
                      steps:
                        - {type: call, name: one, call: up.get-thing, with: {id: mcp.id, part: tools.part}}
                        - {type: call, name: two, call: up.get-thing, with: {id: "$this.tools-ns.id", part: rest.part}}
                  prompts:
                    - name: p
                      label: P
                      description: D
                      arguments: [{name: a, description: A}, {name: b, description: B, required: false}]
                      template: [{role: user, content: "hi {{a}}"}]
              aggregates:
                - label: Agg
                  namespace: agg
                  functions:
                    - name: fn
                      description: F
                      inputParameters: [{name: id, type: string, description: Id}]
                      call: up.get-thing
                      with: {id: "$this.agg.id", part: agg.id, x: rest.id}
            """;

    @Test
    void canonicalForms() {
        LoadResult r = TestFiles.load(dir, "n.yaml", DOC);
        assertThat(TestFiles.errors(r)).isEmpty();
        var cap = r.spec().capability();
        var consumed = cap.consumes().get(0).resources().get(0);
        assertThat(consumed.path()).isEqualTo("/things/{{id}}/parts/{{part}}/");
        assertThat(consumed.operations().get(0).method()).isEqualTo("GET");
        assertThat(consumed.operations().get(0).outputParameters().get(0).value()).isEqualTo("$");

        RestExposes rest = (RestExposes) cap.exposes().get(0);
        assertThat(rest.resources().get(0).path()).isEqualTo("/things/{id}/parts/{part}");
        var op = rest.resources().get(0).operations().get(0);
        assertThat(op.execution().with()).extracting(WithEntry::key, WithEntry::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", "api.id"),
                org.assertj.core.groups.Tuple.tuple("part", "api.part"),
                org.assertj.core.groups.Tuple.tuple("keep", "rest.not an id"),
                org.assertj.core.groups.Tuple.tuple("other", "tools.id"),
                org.assertj.core.groups.Tuple.tuple("canon", "api.id"),
                org.assertj.core.groups.Tuple.tuple("number", 42L),
                org.assertj.core.groups.Tuple.tuple("templ", "{{id}}"));
        var out = op.execution().outputParameters().get(0);
        assertThat(out.mapping()).isEqualTo("$");
        assertThat(out.items()).isEmpty();

        McpExposes mcp = (McpExposes) cap.exposes().get(1);
        assertThat(mcp.transport()).isEqualTo("http");
        var steps = mcp.tools().get(0).execution().steps();
        assertThat(((Step.Call) steps.get(0)).with()).extracting(WithEntry::value).containsExactly("tools-ns.id", "tools-ns.part");
        assertThat(((Step.Call) steps.get(1)).with()).extracting(WithEntry::value).containsExactly("tools-ns.id", "rest.part");
        assertThat(mcp.prompts().get(0).arguments()).extracting(a -> a.required()).containsExactly(true, false);

        Aggregate.Function fn = cap.aggregates().get(0).functions().get(0);
        assertThat(fn.execution().with()).extracting(WithEntry::value).containsExactly("agg.id", "agg.id", "rest.id");
    }

    @Test
    void eachDeviationGetsItsOwnLeniencyRule() {
        LoadResult r = TestFiles.load(dir, "n.yaml", DOC);
        assertThat(r.diagnostics()).filteredOn(Diagnostic::lenient).extracting(Diagnostic::rule).containsExactlyInAnyOrder(
                "path-single-brace", "method-case", "with-adapter-alias", "with-this-prefix", "output-without-properties",
                "with-adapter-alias", "with-adapter-alias", "with-this-prefix", "with-this-prefix");
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("path-single-brace")).singleElement()
                .satisfies(d -> assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(9, 17));
    }

    @Test
    void unsaidFieldsStayNull() {
        LoadResult r = TestFiles.load(dir, "n.yaml", DOC);
        var tool = ((McpExposes) r.spec().capability().exposes().get(1)).tools().get(0);
        assertThat(tool.hints()).isNull();
        assertThat(r.spec().capability().consumes().get(0).authentication()).isNull();
        assertThat(r.spec().capability().aggregates().get(0).functions().get(0).inputParameters().get(0).required()).isNull();
    }

    @Test
    void emptyBaseUriIsKeptWithAWarningAndUnknownFieldsSuggestAFix() {
        LoadResult r = TestFiles.load(dir, "e.yaml", """
                naftiko: 1.0.0-alpha2
                capability:
                  consumes:
                    - type: http
                      namespace: up
                      baseUri: ''
                      resource:
                        - name: x
                  exposes:
                    - type: mcp
                      namespace: m
                      port: 9000
                      tools:
                        - name: t
                          descripton: typo
                          outputParameters: [{name: a, type: string, value: "x"}]
                """);
        assertThat(TestFiles.errors(r)).isEmpty();
        assertThat(r.spec().capability().consumes().get(0).baseUri()).isEqualTo("");
        assertThat(r.diagnostics()).extracting(Diagnostic::rule).contains("baseuri-empty", "unknown-field", "missing-documentation");
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("unknown-field")).anySatisfy(d -> {
            assertThat(d.message()).isEqualTo("unknown field 'resource' in consumes 'up' (ignored)");
            assertThat(d.hint()).isEqualTo("did you mean 'resources'?");
            assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(7, 7);
        });
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("unknown-field"))
                .anySatisfy(d -> assertThat(d.hint()).isEqualTo("did you mean 'description'?"));
        assertThat(r.hasErrors(true)).isTrue();
    }
}
