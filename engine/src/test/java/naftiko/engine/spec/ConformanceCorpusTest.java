package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** FIXTURES.md: every schema-valid alpha2 document loads without errors, except the two load-fail ones. */
class ConformanceCorpusTest {
    static final Path ROOT = TestFiles.resource("conformance");
    static final List<String> LOAD_FAIL = List.of("aggregate-invalid-ref.yaml", "baseuri-trailing-slash-capability.yaml");

    static Stream<Path> schemaValid() {
        return TestFiles.yamlUnder(ROOT, true).stream()
                .filter(p -> !p.getFileName().toString().equals("secrets.yaml")) // bind values, not a Naftiko document
                .filter(p -> !LOAD_FAIL.contains(p.getFileName().toString()));
    }

    @Test
    void theCorpusHasAll51Documents() {
        assertThat(schemaValid().count() + LOAD_FAIL.size()).isEqualTo(51);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaValid")
    void loadsWithoutErrors(Path file) {
        LoadResult r = SpecLoader.load(file);
        assertThat(TestFiles.errors(r)).isEmpty();
        assertThat(r.spec()).isNotNull();
        assertThat(r.spec().naftiko()).isEqualTo("1.0.0-alpha2");
    }

    @Test
    void unknownAggregateRefIsRejectedAtTheRef() {
        LoadResult r = SpecLoader.load(ROOT.resolve("src/test/resources/aggregates/aggregate-invalid-ref.yaml"));
        assertThat(TestFiles.errors(r)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("unknown-ref");
            assertThat(d.message()).contains("'unknown.nonexistent'");
            assertThat(d.hint()).contains("data.read-items");
            assertThat(d.pos().line()).isEqualTo(32);
            assertThat(d.pos().column()).isEqualTo(16);
        });
    }

    @Test
    void trailingSlashBaseUriIsRejectedAtTheValue() {
        LoadResult r = SpecLoader.load(ROOT.resolve("src/test/resources/baseuri-trailing-slash-capability.yaml"));
        assertThat(TestFiles.errors(r)).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("baseuri-trailing-slash");
            assertThat(d.message()).contains("must not end with a trailing slash");
            assertThat(d.hint()).contains("'https://api.example.com/v1'");
            assertThat(d.pos().line()).isEqualTo(26);
        });
    }

    @Test
    void scriptStepsAreAWarningNotAnError() {
        LoadResult r = SpecLoader.load(ROOT.resolve("src/main/resources/schemas/examples/script-step.yml"));
        assertThat(TestFiles.errors(r)).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::rule).contains("script-steps-unsupported");
        assertThat(r.hasErrors(true)).isFalse();
    }

    @Test
    void importedConsumesAreResolvedRelativeToTheImportingFile() {
        LoadResult r = SpecLoader.load(ROOT.resolve("src/main/resources/tutorial/step-5-shipyard-multi-source.yml"));
        var consumes = r.spec().capability().consumes();
        assertThat(consumes).extracting(c -> c.namespace()).containsExactly("registry", "legacy");
        assertThat(consumes.get(0).imported()).isNotNull();
        assertThat(consumes.get(0).imported().location()).isEqualTo("./shared/step5-registry-consumes.yaml");
        assertThat(consumes.get(0).resources()).isNotEmpty();
        assertThat(consumes.get(1).resources().get(0).operations().get(0).outputRawFormat()).isEqualTo("xml");
        // resources keep the position of the file that declares them
        assertThat(consumes.get(0).resources().get(0).pos().file().getFileName().toString()).isEqualTo("step5-registry-consumes.yaml");
    }
}
