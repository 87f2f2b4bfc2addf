package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import naftiko.engine.spec.model.ConsumedOperation;
import naftiko.engine.spec.model.McpExposes;
import naftiko.engine.spec.model.RestExposes;
import naftiko.engine.spec.model.WithEntry;
import org.junit.jupiter.api.Test;

/** The bundled capability: runs leniently (0 errors), every deviation located, all errors under --strict. */
class PosthogCapabilityTest {
    final LoadResult result = SpecLoader.load(TestFiles.posthog());

    @Test
    void loadsWithoutErrorsAndLocatesEveryWarning() {
        assertThat(result.spec()).isNotNull();
        assertThat(result.hasErrors(false)).isFalse();
        assertThat(result.diagnostics()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.pos().line()).isPositive();
            assertThat(d.pos().column()).isPositive();
            assertThat(d.format()).matches(".*posthog-task-runs\\.yaml:\\d+:\\d+: warning \\[[a-z-]+\\] .+");
        });
        assertThat(result.diagnostics()).extracting(Diagnostic::rule).containsOnly(
                "baseuri-empty", "name-pattern", "path-single-brace", "consumed-param-extra-fields", "rest-description",
                "output-without-properties", "with-adapter-alias");
    }

    @Test
    void strictTurnsEveryLeniencyIntoAnError() {
        assertThat(result.hasErrors(true)).isTrue();
        assertThat(result.diagnostics(true)).hasSameSizeAs(result.diagnostics()).allSatisfy(d -> assertThat(d.isError()).isTrue());
    }

    @Test
    void warningsPointAtTheOffendingNode() {
        assertThat(result.diagnostics()).filteredOn(d -> d.rule().equals("baseuri-empty")).singleElement()
                .satisfies(d -> assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(19, 14));
        assertThat(result.diagnostics()).filteredOn(d -> d.rule().equals("rest-description")).singleElement()
                .satisfies(d -> assertThat(d.pos().line()).isEqualTo(500));
        assertThat(result.diagnostics()).filteredOn(d -> d.rule().equals("with-adapter-alias"))
                .anySatisfy(d -> assertThat(d.pos()).extracting(p -> p.line(), p -> p.column()).containsExactly(512, 18));
    }

    @Test
    void theModelIsCanonical() {
        var spec = result.spec();
        var consumes = spec.capability().consumes().get(0);
        assertThat(consumes.baseUri()).isEqualTo("");
        var resource = consumes.resources().get(0);
        assertThat(resource.path()).isEqualTo("/api/projects/{{project_id}}/tasks/{{task_id}}/runs/");
        ConsumedOperation list = resource.operations().get(0);
        assertThat(list.name()).isEqualTo("tasksrunslist");
        assertThat(list.outputParameters().get(0).value()).isEqualTo("$");
        assertThat(list.inputParameters()).extracting(p -> p.name(), p -> p.type(), p -> p.required())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("limit", "integer", null),
                        org.assertj.core.groups.Tuple.tuple("offset", "integer", null),
                        org.assertj.core.groups.Tuple.tuple("task_id", "string", true));

        RestExposes rest = (RestExposes) spec.capability().exposes().get(0);
        var restResource = rest.resources().get(0);
        assertThat(restResource.path()).isEqualTo("/v1/api/projects/{project-id}/tasks/{task-id}/runs");
        var op = restResource.operations().get(0);
        assertThat(op.execution().call()).isEqualTo("posthog-task-runs.tasksrunslist");
        assertThat(op.execution().with()).extracting(WithEntry::key, WithEntry::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("limit", "posthog-task-runs-rest.limit"),
                org.assertj.core.groups.Tuple.tuple("offset", "posthog-task-runs-rest.offset"),
                org.assertj.core.groups.Tuple.tuple("task_id", "posthog-task-runs-rest.task_id"));
        var out = op.execution().outputParameters().get(0);
        assertThat(out.type()).isEqualTo("object");
        assertThat(out.mapping()).isEqualTo("$");
        assertThat(out.properties()).isEmpty();
        assertThat(rest.description()).startsWith("REST adapter for PostHog");

        McpExposes mcp = (McpExposes) spec.capability().exposes().get(1);
        assertThat(mcp.transport()).isEqualTo("http");
        assertThat(mcp.tools()).hasSize(19);
        var tool = mcp.tools().get(0);
        assertThat(tool.name()).isEqualTo("list-task-runs");
        assertThat(tool.inputParameters()).isEmpty();
        assertThat(tool.hints().readOnly()).isTrue();
        assertThat(tool.hints().openWorld()).isNull();
        assertThat(tool.execution().with()).extracting(WithEntry::value)
                .containsExactly("posthog-task-runs-mcp.limit", "posthog-task-runs-mcp.offset", "posthog-task-runs-mcp.task_id");
        assertThat(spec.binds().get(0).keys()).containsEntry("POSTHOG_API_KEY", "POSTHOG_API_KEY");
    }

    @Test
    void projectIdIsFilledByPassThroughSoNoPlaceholderWarning() {
        assertThat(result.diagnostics()).extracting(Diagnostic::rule).doesNotContain("unfillable-placeholder");
    }

    @Test
    void trailingSlashOfConsumedPathsIsKept() {
        Set<String> paths = new java.util.HashSet<>();
        result.spec().capability().consumes().get(0).resources().forEach(r -> paths.add(r.path()));
        assertThat(paths).allSatisfy(p -> assertThat(p).endsWith("/").doesNotContain("{{{").doesNotContainPattern("(?<!\\{)\\{[a-z_]+\\}(?!\\})"));
    }
}
