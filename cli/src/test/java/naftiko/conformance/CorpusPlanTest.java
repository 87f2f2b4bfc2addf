package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.PlanException;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.Severity;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/**
 * Every document of the conformance corpus is loaded and planned; the outcome must be the one
 * listed here (the fixture-by-fixture status reported in the README). A new fixture without an
 * entry fails the test, so the list stays complete.
 */
class CorpusPlanTest {

    /** {@code plans}, {@code import-target}, {@code load-error: <text>} or {@code plan-error: <text>}. */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String t = "src/main/resources/tutorial/";
        for (int i = 1; i <= 11; i++) EXPECTED.put(t + "step-" + i, "plans"); // matched by prefix below
        for (String shared : new String[] {"legacy-consumes.yaml", "registry-consumes.yaml", "step11-registry-consumes.yml",
                "step5-registry-consumes.yaml", "step6-registry-consumes.yaml", "step7-registry-consumes.yml"}) {
            EXPECTED.put(t + "shared/" + shared, "import-target");
        }
        String e = "src/main/resources/schemas/examples/";
        EXPECTED.put(e + "forecast-aggregate.yml", "plans");
        EXPECTED.put(e + "script-step.yml", "plan-error: script-steps-unsupported");
        String r = "src/test/resources/";
        EXPECTED.put(r + "aggregates/aggregate-basic.yaml", "plans");
        EXPECTED.put(r + "aggregates/aggregate-hints-override.yaml", "plans");
        EXPECTED.put(r + "aggregates/aggregate-invalid-ref.yaml", "load-error: unknown");
        EXPECTED.put(r + "aggregates/aggregate-shared-mock.yaml", "plans");
        EXPECTED.put(r + "aggregates/aggregate-step-with-namespace.yaml", "plans");
        EXPECTED.put(r + "baseuri-trailing-slash-capability.yaml", "load-error: must not end with a trailing slash");
        EXPECTED.put(r + "control/control-capability.yaml", "plans");
        EXPECTED.put(r + "control/control-observability-disabled.yaml", "plans");
        EXPECTED.put(r + "control/control-scripting-capability.yaml", "plans");
        for (String f : new String[] {"avro", "csv", "html", "markdown", "proto", "xml", "yaml"}) {
            EXPECTED.put(r + "formats/" + f + "-capability.yaml", "plans");
        }
        EXPECTED.put(r + "http/http-body-capability.yaml", "plans");
        EXPECTED.put(r + "http/http-forward-value-capability.yaml", "plans");
        EXPECTED.put(r + "http/http-header-query-capability.yaml", "plans");
        for (String f : new String[] {"mcp-capability", "mcp-hints-capability", "mcp-resources-prompts-capability",
                "mcp-stdio-capability", "mcp-step-with-namespace-capability", "mcp-tool-handler-with-mustache-capability"}) {
            EXPECTED.put(r + "mcp/" + f + ".yaml", "plans");
        }
        EXPECTED.put(r + "nested-object-output-capability.yaml", "plans");
        EXPECTED.put(r + "observability/observability-capability.yaml", "plans");
        EXPECTED.put(r + "observability/observability-disabled.yaml", "plans");
        EXPECTED.put(r + "register.capability.yml", "plans");
        EXPECTED.put(r + "rules/spectral-semantics-consistent.yaml", "plans");
        EXPECTED.put(r + "rules/spectral-semantics-inconsistent.yaml", "plans");
        EXPECTED.put(r + "skill-capability.yaml", "plans");
    }

    static String expected(String document) {
        for (var e : EXPECTED.entrySet()) {
            if (document.equals(e.getKey()) || document.startsWith(e.getKey() + "-")) return e.getValue();
        }
        return null;
    }

    /** What loading then planning the document gives, in the vocabulary of {@link #EXPECTED}. */
    static String outcome(String document) {
        LoadResult loaded = SpecLoader.load(Corpus.file(document));
        if (loaded.hasErrors(false)) {
            return "load-error: " + loaded.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                    .map(Diagnostic::format).collect(Collectors.joining(" | "));
        }
        if (!loaded.spec().isCapability()) return "import-target";
        try {
            CapabilityPlanner.plan(loaded.spec(), new EngineOptions(Map.of(), Map.of(), Map.of(), false,
                    Duration.ofSeconds(1), Duration.ofSeconds(1)));
            return "plans";
        } catch (PlanException e) {
            return "plan-error: " + e.getMessage();
        }
    }

    @Test
    void everyDocumentLoadsAndPlansAsListed() {
        assertThat(Corpus.documents()).hasSize(51);
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (String document : Corpus.documents()) {
            String want = expected(document);
            String got = outcome(document);
            boolean ok = want != null && (want.equals(got)
                    || want.contains(": ") && got.startsWith(want.substring(0, want.indexOf(": ") + 2))
                    && got.contains(want.substring(want.indexOf(": ") + 2)));
            if (!ok) mismatches.put(document, "expected " + want + ", got " + got);
        }
        assertThat(mismatches).isEmpty();
    }
}
