package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * shared/corpus-sample: every real-world file loads without an error in lenient mode, except the
 * ones that genuinely cannot run, whose errors must say why (listed here with the reason).
 */
class RealWorldCorpusTest {
    static final Path ROOT = TestFiles.resource("corpus");

    /** file → the rules its errors must carry (and nothing else). */
    static final Map<String, String[]> CANNOT_RUN = Map.ofEntries(
            // 22 operations named 'get'/'post' in one namespace: calls like avatax-apis-transactions.post are ambiguous
            Map.entry("api-evangelist+avalara__avatax-apis-transactions.yaml", new String[] {"duplicate-operation"}),
            // a 'workers-kv' consumes, an 'agent-skill' adapter without port, calls into an undeclared 'orchestration' namespace
            Map.entry("api-evangelist+cloudflare__cloudflare-agent-onboarding.yaml",
                    new String[] {"invalid-value", "unknown-call", "required-field"}),
            // MCP tools call operation names the consumes does not declare (listnotes vs list-notes)
            Map.entry("api-evangelist+hubspot__sales-engagement.yaml", new String[] {"unknown-call"}),
            // REST adapter without port; 'call: salesforce_gmail' names no namespace.operation
            Map.entry("api-evangelist+salesforce__salesforce-gmail.yaml", new String[] {"required-field", "invalid-value"}),
            Map.entry("api-evangelist+stripe__stripe-avalara.yaml", new String[] {"required-field", "invalid-value"}),
            Map.entry("api-evangelist+stripe__stripe-mailchimp.yaml", new String[] {"required-field", "invalid-value"}),
            Map.entry("api-evangelist+stripe__stripe-messagebird.yaml", new String[] {"required-field", "invalid-value"}),
            Map.entry("api-evangelist+stripe__stripe-netsuite.yaml", new String[] {"required-field", "invalid-value"}),
            Map.entry("api-evangelist+stripe__stripe-okta.yaml", new String[] {"required-field", "invalid-value"}),
            // the 'upbound' consumes declares no operations, yet units call upbound.list-teams / create-team
            Map.entry("api-evangelist+upbound__platform-engineering.yaml", new String[] {"unknown-call"}),
            // imports a shared consumes file that is not part of the sample
            Map.entry("naftiko+microsoft-teams-sandbox__microsoft-teams-sandbox.naftiko.yml", new String[] {"import-missing-file"}),
            // same, and its calls use a namespace with spaces ('NIST Cybersecurity Framework (CSF) 2.0 — Sandbox API.x')
            Map.entry("naftiko+nist-cybersecurity-framework-sandbox__nist-cybersecurity-framework-sandbox.naftiko.yml",
                    new String[] {"import-missing-file", "invalid-value"}));

    static Stream<Path> files() {
        return TestFiles.yamlUnder(ROOT, false).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void loadsLeniently(Path file) {
        LoadResult r = SpecLoader.load(file);
        String name = file.getFileName().toString();
        assertThat(r.spec()).as("a model is built even with errors").isNotNull();
        if (CANNOT_RUN.containsKey(name)) {
            assertThat(TestFiles.errors(r)).isNotEmpty();
            assertThat(TestFiles.errors(r)).extracting(Diagnostic::rule).containsOnly(CANNOT_RUN.get(name));
            assertThat(TestFiles.errors(r)).allSatisfy(d -> assertThat(d.pos().line()).isPositive());
        } else {
            assertThat(TestFiles.errors(r)).isEmpty();
        }
    }

    @Test
    void everyExceptionIsInTheSample() {
        assertThat(CANNOT_RUN.keySet()).allSatisfy(n -> assertThat(ROOT.resolve(n)).exists());
    }

    @Test
    void unknownOperationGetsADidYouMeanHint() {
        LoadResult r = SpecLoader.load(ROOT.resolve("api-evangelist+hubspot__sales-engagement.yaml"));
        assertThat(TestFiles.errors(r)).anySatisfy(d -> {
            assertThat(d.message()).contains("'engagement-notes.listnotes'");
            assertThat(d.hint()).isEqualTo("did you mean 'list-notes'?");
        });
    }

    @Test
    void importsWithTheSharedFileInPlaceResolve() {
        LoadResult r = SpecLoader.load(ROOT.resolve("naftiko+youtube-sandbox__youtube-sandbox.naftiko.yml"));
        assertThat(TestFiles.errors(r)).isEmpty();
        assertThat(r.spec().capability().consumes().get(0).resources()).hasSize(3);
    }
}
