package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
    @TempDir
    Path dir;

    static final String BASE = """
            naftiko: "1.0.0-alpha2"
            binds:
              - namespace: "env"
                keys:
                  HOST: "API_HOST"
            capability:
              exposes:
                - type: "rest"
                  namespace: "r"
                  port: 9999
                  resources:
                    - path: "/x/{task-id}"
                      name: "x"
                      operations:
                        - method: "GET"
                          name: "get-x"
                          call: "api.get"
                          inputParameters:
                            - name: "task_id"
                              in: "query"
                              type: "string"
                              description: "d"
              consumes:
                - type: "http"
                  namespace: "my-api"
                  baseUri: "%s"
                  resources:
                    - name: "r"
                      path: "/r"
                      operations:
                        - name: "get"
                          method: "GET"
                - type: "http"
                  namespace: "api"
                  baseUri: "http://127.0.0.1:9"
                  resources:
                    - name: "r"
                      path: "/r"
                      operations:
                        - name: "get"
                          method: "GET"
            """;

    Capability plan(String baseUri, Map<String, String> env, Map<String, String> overrides) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, BASE.formatted(baseUri));
        LoadResult r = SpecLoader.load(f);
        assertThat(r.hasErrors(false)).as(r.diagnostics().toString()).isFalse();
        return CapabilityPlanner.plan(r.spec(), new EngineOptions(env, Map.of(), overrides, false, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void inputsThatNormaliseAlikeAreWarned() throws Exception {
        Capability c = plan("http://h", Map.of("API_HOST", "h"), Map.of());
        assertThat(c.warnings()).hasSize(1);
        assertThat(c.warnings().get(0).rule()).isEqualTo("input-name-collision");
        assertThat(c.warnings().get(0).message()).isEqualTo("inputs task-id, task_id of get-x all read as 'task_id'; the exact name is matched first");
    }

    @Test
    void baseUriMayUseBindVariables() throws Exception {
        Capability c = plan("http://{{HOST}}:8080/v1", Map.of("API_HOST", "example.org"), Map.of());
        assertThat(c.rest()).hasSize(1);
    }

    @Test
    void overrideMustBeAnHttpUrlAndNamesTheEnvironmentKnob() {
        assertThatThrownBy(() -> plan("", Map.of("API_HOST", "h"), Map.of("my-api", "ftp://x")))
                .isInstanceOf(PlanException.class)
                .hasMessage("base URI for my-api (from --base-uri my-api) is not an http(s) URL: pass --base-uri my-api=http://host[:port][/path]"
                        + " or set NAFTIKO_BASE_URI_MY_API");
    }

    @Test
    void environmentNameIsUpperSnake() {
        assertThat(Planning.envName("posthog-task-runs")).isEqualTo("NAFTIKO_BASE_URI_POSTHOG_TASK_RUNS");
        assertThat(Planning.envName("a.b c")).isEqualTo("NAFTIKO_BASE_URI_A_B_C");
    }
}
