package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks beyond shape, one rule each. */
class ChecksTest {
    @TempDir
    Path dir;

    static final String SHARED = """
            naftiko: 1.0.0-alpha2
            consumes:
              - type: http
                namespace: registry
                baseUri: https://registry.test
                authentication: {type: bearer, token: "{{REGISTRY_TOKEN}}"}
                resources:
                  - name: ships
                    path: /ships/{{imo}}
                    operations:
                      - {name: get-ship, method: GET}
            """;

    static String capability(String consumes, String exposes) {
        return "naftiko: 1.0.0-alpha2\nbinds:\n  - namespace: env\n    keys: {REGISTRY_TOKEN: REGISTRY_TOKEN}\ncapability:\n  consumes:\n"
                + consumes + "  exposes:\n" + exposes;
    }

    static final String IMPORT = "    - {location: ./shared/registry.yaml, import: registry, as: reg}\n";

    @Test
    void importWithAliasResolvesAndCallsUseTheAlias() {
        TestFiles.write(dir, "shared/registry.yaml", SHARED);
        LoadResult r = TestFiles.load(dir, "cap.yaml", capability(IMPORT, """
                    - type: mcp
                      namespace: m
                      port: 9000
                      tools:
                        - {name: ship, description: A ship, call: reg.get-ship}
                """));
        assertThat(TestFiles.errors(r)).isEmpty();
        var c = r.spec().capability().consumes().get(0);
        assertThat(c.namespace()).isEqualTo("reg");
        assertThat(c.imported().importNamespace()).isEqualTo("registry");
        assertThat(c.imported().as()).isEqualTo("reg");
        assertThat(c.authentication().token()).isEqualTo("{{REGISTRY_TOKEN}}");
        assertThat(c.resources().get(0).pos().file()).isEqualTo(dir.resolve("shared/registry.yaml"));
    }

    @Test
    void missingImportFileAndUnknownImportedNamespace() {
        LoadResult missing = TestFiles.load(dir, "cap.yaml", capability(IMPORT, "    - {type: mcp, namespace: m, port: 9000, tools: [{name: t, description: d, call: reg.get-ship}]}\n"));
        assertThat(TestFiles.errors(missing)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("import-missing-file");
            assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(7, 18);
        });
        TestFiles.write(dir, "shared/registry.yaml", SHARED.replace("namespace: registry", "namespace: registri"));
        LoadResult unknown = SpecLoader.load(dir.resolve("cap.yaml"));
        assertThat(TestFiles.errors(unknown)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("import-unknown-namespace");
            assertThat(d.hint()).isEqualTo("did you mean 'registri'?");
        });
    }

    @Test
    void importCycle() {
        TestFiles.write(dir, "a.yaml", "naftiko: 1.0.0-alpha2\nconsumes:\n  - {location: ./b.yaml, import: x}\n");
        TestFiles.write(dir, "b.yaml", "naftiko: 1.0.0-alpha2\nconsumes:\n  - {location: ./a.yaml, import: x}\n");
        LoadResult r = SpecLoader.load(dir.resolve("a.yaml"));
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule).contains("import-cycle");
    }

    static final String INLINE = """
                - type: http
                  namespace: registry
                  baseUri: https://registry.test
                  resources:
                    - name: ships
                      path: /ships/{{imo}}
                      operations:
                        - {name: get-ship, method: GET}
                        - {name: list-ships, method: GET}
            """;
    static final String DUPLICATE_OP = INLINE + """
                    - name: more
                      path: /more
                      operations:
                        - {name: list-ships, method: GET}
            """;

    @Test
    void stepsLookupsDuplicatesAndAddresses() {
        LoadResult r = TestFiles.load(dir, "cap.yaml", capability(DUPLICATE_OP, """
                    - type: mcp
                      namespace: m
                      port: 9000
                      tools:
                        - name: tool-with-steps
                          description: d
                          inputParameters: [{name: imo, type: string, description: IMO}]
                          steps:
                            - {type: call, name: a, call: registry.get-ship}
                            - {type: lookup, name: b, index: c, match: id, lookupValue: x, outputParameters: [n]}
                            - {type: call, name: a, call: registry.list-ships}
                        - name: "bad name with spaces"
                          description: d
                          call: registry.list-ships
                        - name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                          description: d
                          call: registry.list-ships
                    - type: rest
                      namespace: r
                      port: 9000
                      address: localhost
                      resources:
                        - path: /x
                          operations: [{method: GET, call: registry.list-ships}]
                """));
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule).containsExactlyInAnyOrder(
                "duplicate-operation", "unknown-lookup-index", "duplicate-step", "tool-name-invalid", "tool-name-invalid",
                "duplicate-address");
        assertThat(TestFiles.errors(r)).filteredOn(d -> d.rule().equals("unknown-lookup-index")).singleElement()
                .satisfies(d -> assertThat(d.hint()).contains("a"));
        assertThat(TestFiles.errors(r)).filteredOn(d -> d.rule().equals("tool-name-invalid"))
                .anySatisfy(d -> assertThat(d.message()).contains("75 characters"));
    }

    @Test
    void placeholdersPassThroughRouteVariablesButNotFromNowhere() {
        LoadResult r = TestFiles.load(dir, "cap.yaml", capability(INLINE, """
                    - type: rest
                      namespace: r
                      port: 8080
                      resources:
                        - path: /ships/{imo}
                          operations: [{method: GET, call: registry.get-ship}]
                        - path: /ship
                          operations: [{method: GET, call: registry.get-ship}]
                    - type: mcp
                      namespace: m
                      port: 9000
                      tools:
                        - {name: derived, description: d, call: registry.get-ship}
                """));
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("unfillable-placeholder")).singleElement().satisfies(d -> {
            assertThat(d.isError()).isFalse();
            assertThat(d.message()).contains("'{{imo}}'").contains("REST operation GET /ship:");
            assertThat(d.pos().line()).isEqualTo(24);
        });
    }

    @Test
    void templatesNeedABindForTheirVariable() {
        LoadResult r = TestFiles.load(dir, "cap.yaml", capability(INLINE.replace("baseUri: https://registry.test",
                "baseUri: https://registry.test\n      authentication: {type: bearer, token: \"{{REGISTRY_TOKN}}\"}"), """
                    - type: mcp
                      namespace: m
                      port: 9000
                      authentication: {type: bearer, token: "{{MCP_TOKEN}}"}
                      tools:
                        - {name: derived, description: d, call: registry.get-ship}
                """));
        assertThat(TestFiles.errors(r)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("undeclared-bind-variable");
            assertThat(d.message()).contains("MCP_TOKEN");
        });
        assertThat(r.diagnostics()).filteredOn(d -> !d.isError() && d.rule().equals("undeclared-bind-variable")).singleElement()
                .satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean 'REGISTRY_TOKEN'?"));
    }

    @Test
    void forwardAndSkillSourcesResolve() {
        LoadResult r = TestFiles.load(dir, "cap.yaml", capability(INLINE, """
                    - type: rest
                      namespace: r
                      port: 8080
                      resources:
                        - {path: "/{{path}}", forward: {targetNamespace: registri, trustedHeaders: [Accept]}}
                    - type: skill
                      namespace: s
                      port: 8081
                      skills:
                        - name: sk
                          description: d
                          tools:
                            - {name: t, description: d, from: {sourceNamespace: rr, action: x}}
                """));
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule, Diagnostic::hint).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unknown-forward-target", "did you mean 'registry'?"),
                org.assertj.core.groups.Tuple.tuple("unknown-skill-source", "did you mean 'r'?"));
        assertThat(r.spec().capability().exposes().get(0)).isInstanceOfSatisfying(naftiko.engine.spec.model.RestExposes.class,
                rest -> assertThat(rest.resources().get(0).path()).isEqualTo("/{path}"));
    }

    @Test
    void controlManagementAndObservabilityAreChecked() {
        LoadResult r = TestFiles.load(dir, "control.yaml", """
                naftiko: 1.0.0-alpha2
                capability:
                  exposes:
                    - type: control
                      port: 9999
                      management: {helth: true, scripting: {defaultLanguage: ruby}}
                      observability: {traces: {sampling: 2, local: {buffer-size: 5}}}
                """);
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule).containsExactly("invalid-value", "invalid-value", "invalid-value");
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("unknown-field")).singleElement()
                .satisfies(d -> assertThat(d.hint()).isEqualTo("did you mean 'health'?"));
        assertThat(r.spec().capability().exposes().get(0)).isInstanceOfSatisfying(naftiko.engine.spec.model.ControlExposes.class,
                c -> assertThat(c.observability().at("/traces/sampling").asInt()).isEqualTo(2));
    }

    @Test
    void inputsThatDifferOnlyByKebabOrSnakeAreFlagged() {
        LoadResult r = TestFiles.load(dir, "names.yaml", capability(INLINE, """
                    - type: rest
                      namespace: r
                      port: 8080
                      resources:
                        - path: /ships/{ship-imo}
                          inputParameters: [{name: ship_imo, in: query, type: string, description: IMO}]
                          operations: [{method: GET, call: registry.get-ship, with: {imo: r.ship_imo}}]
                """));
        assertThat(TestFiles.errors(r)).isEmpty();
        assertThat(r.diagnostics()).filteredOn(d -> d.rule().equals("ambiguous-input-name")).singleElement()
                .satisfies(d -> assertThat(d.message()).contains("'ship_imo' and 'ship-imo'"));
    }
}
