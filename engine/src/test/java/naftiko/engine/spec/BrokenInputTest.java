package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken inputs: each gives an error with a precise location and never an exception. */
class BrokenInputTest {
    @TempDir
    Path dir;

    static final String HEAD = "naftiko: 1.0.0-alpha2\n";
    static final String CONSUMES = """
              consumes:
                - type: http
                  namespace: shop
                  baseUri: https://shop.test/v1
                  resources:
                    - name: items
                      path: /items
                      operations:
                        - name: list-items
                          method: GET
            """;

    private Diagnostic onlyError(LoadResult r) {
        assertThat(TestFiles.errors(r)).hasSize(1);
        return TestFiles.errors(r).get(0);
    }

    @Test
    void invalidYaml() {
        LoadResult r = TestFiles.load(dir, "bad.yaml", HEAD + "capability:\n  exposes: [a, b\n  consumes: x\n");
        Diagnostic d = onlyError(r);
        assertThat(d.rule()).isEqualTo("yaml-syntax");
        assertThat(d.message()).contains("flow sequence").contains("at line 3");
        assertThat(d.pos().line()).isEqualTo(4);
        assertThat(d.pos().column()).isPositive();
        assertThat(r.spec()).isNull();
    }

    @Test
    void tabIndentationIsASyntaxErrorAtTheTab() {
        LoadResult r = TestFiles.load(dir, "tab.yaml", HEAD + "capability:\n\texposes: []\n");
        assertThat(onlyError(r).pos().line()).isEqualTo(3);
    }

    @Test
    void nonMappingRoot() {
        Diagnostic d = onlyError(TestFiles.load(dir, "list.yaml", "- naftiko: 1.0.0-alpha2\n- capability: {}\n"));
        assertThat(d.rule()).isEqualTo("root-not-mapping");
        assertThat(d.message()).contains("got a list");
        assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(1, 1);
        assertThat(onlyError(TestFiles.load(dir, "scalar.yaml", "just text\n")).rule()).isEqualTo("root-not-mapping");
    }

    @Test
    void unknownCallTargetWithHint() {
        LoadResult r = TestFiles.load(dir, "call.yaml", HEAD + "capability:\n" + CONSUMES + """
              exposes:
                - type: mcp
                  namespace: shop-mcp
                  port: 9000
                  tools:
                    - name: list
                      description: List items
                      call: shop.list-itemz
            """);
        Diagnostic d = onlyError(r);
        assertThat(d.rule()).isEqualTo("unknown-call");
        assertThat(d.hint()).isEqualTo("did you mean 'list-items'?");
        assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(20, 17);
        assertThat(d.format()).endsWith("call.yaml:20:17: error [unknown-call] MCP tool 'list' calls 'shop.list-itemz' but consumes 'shop' "
                + "has no operation 'list-itemz' (did you mean 'list-items'?)");
    }

    @Test
    void unknownNamespaceInCall() {
        LoadResult r = TestFiles.load(dir, "ns.yaml", HEAD + "capability:\n" + CONSUMES + """
              exposes:
                - type: rest
                  namespace: api
                  port: 8080
                  resources:
                    - path: /items
                      operations:
                        - method: GET
                          call: shops.list-items
            """);
        Diagnostic d = onlyError(r);
        assertThat(d.message()).contains("no consumes namespace 'shops'");
        assertThat(d.hint()).isEqualTo("did you mean 'shop'?");
        assertThat(d.pos().line()).isEqualTo(21);
    }

    @Test
    void duplicateNamespace() {
        LoadResult r = TestFiles.load(dir, "dup.yaml", HEAD + "capability:\n" + CONSUMES + """
              exposes:
                - type: rest
                  namespace: shop
                  port: 8080
                  resources:
                    - path: /items
                      operations:
                        - method: GET
                          call: shop.list-items
            """);
        Diagnostic d = onlyError(r);
        assertThat(d.rule()).isEqualTo("duplicate-namespace");
        assertThat(d.message()).contains("'shop'").contains("line 4");
        assertThat(d.pos().line()).isEqualTo(14);
    }

    @Test
    void missingRequiredField() {
        LoadResult r = TestFiles.load(dir, "missing.yaml", HEAD + """
            capability:
              consumes:
                - type: http
                  namespace: shop
                  baseUri: https://shop.test
                  resources:
                    - name: items
                      operations:
                        - name: list-items
                          method: GET
            """);
        Diagnostic d = onlyError(r);
        assertThat(d.rule()).isEqualTo("required-field");
        assertThat(d.message()).isEqualTo("consumed resource 'items' is missing required field 'path'");
        assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(8, 11);
    }

    @Test
    void wrongTypeIsReportedAtTheValue() {
        LoadResult r = TestFiles.load(dir, "port.yaml", HEAD + "capability:\n" + CONSUMES + """
              exposes:
                - type: rest
                  namespace: api
                  port: abc
                  resources:
                    - path: /items
                      operations:
                        - method: GET
                          call: shop.list-items
            """);
        Diagnostic d = onlyError(r);
        assertThat(d.rule()).isEqualTo("wrong-type");
        assertThat(d.message()).isEqualTo("'port' in REST adapter 'api' must be an integer, got 'abc'");
        assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(16, 13);
    }

    @Test
    void emptyFile() {
        Diagnostic d = onlyError(TestFiles.load(dir, "empty.yaml", ""));
        assertThat(d.rule()).isEqualTo("file-empty");
        assertThat(d.pos().line()).isEqualTo(1);
        assertThat(onlyError(TestFiles.load(dir, "comments.yaml", "# nothing\n\n")).rule()).isIn("file-empty");
    }

    @Test
    void binaryFile() throws Exception {
        Path bin = dir.resolve("blob.yaml");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff});
        Diagnostic d = onlyError(SpecLoader.load(bin));
        assertThat(d.rule()).isEqualTo("file-binary");
        assertThat(d.message()).contains("binary file");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "naftiko: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(onlyError(SpecLoader.load(latin1)).message()).contains("not valid UTF-8");
    }

    @Test
    void missingFileAndDirectory() {
        assertThat(onlyError(SpecLoader.load(dir.resolve("nope.yaml"))).rule()).isEqualTo("file-unreadable");
        assertThat(onlyError(SpecLoader.load(dir)).rule()).isEqualTo("file-unreadable");
    }

    @Test
    void unknownVersionNamesTheSupportedOne() {
        Diagnostic d = onlyError(TestFiles.load(dir, "v.yaml", "naftiko: 0.5\ncapability:\n" + CONSUMES));
        assertThat(d.rule()).isEqualTo("naftiko-version");
        assertThat(d.message()).contains("'0.5'").contains("1.0.0-alpha2");
        assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(1, 10);
    }

    @Test
    void aliasBombIsRefusedNotExpanded() {
        StringBuilder y = new StringBuilder(HEAD + "a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            y.append("b").append(i).append(": &b").append(i).append(" [");
            String prev = i == 1 ? "*a" : "*b" + (i - 1);
            y.append(String.join(", ", java.util.Collections.nCopies(10, prev))).append("]\n");
        }
        Diagnostic d = onlyError(TestFiles.load(dir, "bomb.yaml", y.toString()));
        assertThat(d.rule()).isIn("yaml-limit", "yaml-syntax");
    }

    @Test
    void deepNestingAndRecursiveAliasesAreOneErrorNotACrash() {
        String deep = HEAD + "a: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
        assertThat(onlyError(TestFiles.load(dir, "deep.yaml", deep)).rule()).isEqualTo("yaml-limit");
        LoadResult recursive = TestFiles.load(dir, "rec.yaml", HEAD + "capability: &c\n  consumes: *c\n");
        assertThat(TestFiles.errors(recursive)).isNotEmpty().allSatisfy(d -> assertThat(d.pos().line()).isPositive());
    }

    @Test
    void duplicateKeyIsAnErrorAtTheSecondKey() {
        LoadResult r = TestFiles.load(dir, "dupkey.yaml", HEAD + "capability:\n" + CONSUMES + "  consumes: []\n");
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule).contains("duplicate-key");
        assertThat(TestFiles.errors(r)).filteredOn(d -> d.rule().equals("duplicate-key")).singleElement()
                .satisfies(d -> assertThat(d.pos().line()).isEqualTo(13));
    }

    @Test
    void problemsAreCollectedNotStoppedAtTheFirst() {
        LoadResult r = TestFiles.load(dir, "many.yaml", HEAD + "capability:\n" + CONSUMES + """
              exposes:
                - type: rest
                  namespace: api
                  port: 8080
                  resources:
                    - path: /a
                      operations:
                        - method: GET
                          call: shop.nope
                        - method: FETCH
                          call: nope.list-items
                - type: rest
                  namespace: api2
                  port: 8080
                  resources:
                    - path: /b
                      forward:
                        targetNamespace: shoop
            """);
        assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule)
                .containsExactly("unknown-call", "invalid-value", "unknown-call", "duplicate-address", "unknown-forward-target");
    }
}
