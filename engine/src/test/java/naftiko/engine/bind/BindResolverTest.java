package naftiko.engine.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.expr.Template;
import naftiko.engine.run.PlanException;
import naftiko.engine.spec.model.Bind;
import naftiko.engine.spec.model.SourcePos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindResolverTest {
    @TempDir
    Path dir;

    Bind bind(String ns, String location, String... keys) {
        Map<String, String> k = new LinkedHashMap<>();
        Map<String, SourcePos> pos = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i += 2) {
            k.put(keys[i], keys[i + 1]);
            pos.put(keys[i], new SourcePos(dir.resolve("cap.yaml"), 7 + i, 5));
        }
        return new Bind(ns, null, location, k, pos, new SourcePos(dir.resolve("cap.yaml"), 6, 3));
    }

    String render(BindValues v, String template) {
        return Template.compile(template).render(v.scope());
    }

    @Test
    void environmentBindInScopeAsVarAndNamespaceVar() {
        BindValues v = new BindResolver(Map.of("POSTHOG_API_KEY", "k1"), Map.of(), false)
                .resolve(List.of(bind("env", null, "TOKEN", "POSTHOG_API_KEY")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{TOKEN}} {{env.TOKEN}}")).isEqualTo("k1 k1");
        assertThat(v.secrets()).containsExactly("k1");
    }

    @Test
    void envFileValuesWinOverTheEnvironment() {
        BindValues v = new BindResolver(Map.of("KEY", "from-env"), Map.of("KEY", "from-env-file"), false)
                .resolve(List.of(bind("env", null, "KEY", "KEY")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{KEY}}")).isEqualTo("from-env-file");
    }

    @Test
    void jsonFileRelativeToTheCapability() throws Exception {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/dev.json"), "{\"api_key\":\"j1\",\"port\":8080}");
        BindValues v = new BindResolver(Map.of(), Map.of(), false).resolve(
                List.of(bind("dev", "file:///./secrets/dev.json", "API_KEY", "api_key", "PORT", "port")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{dev.API_KEY}}:{{PORT}}")).isEqualTo("j1:8080");
    }

    @Test
    void yamlFile() throws Exception {
        Files.writeString(dir.resolve("vals.yaml"), "token: y1\n");
        BindValues v = new BindResolver(Map.of(), Map.of(), false).resolve(
                List.of(bind("vals", "file://./vals.yaml", "TOKEN", "token")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{TOKEN}}")).isEqualTo("y1");
    }

    @Test
    void dotEnvFileAndAbsolutePath() throws Exception {
        Path f = dir.resolve("local.env");
        Files.writeString(f, "# comment\nexport A=\"quoted value\"\nB='single'\nC=plain # trailing\n");
        BindValues v = new BindResolver(Map.of(), Map.of(), false).resolve(
                List.of(bind("local", "file://" + f.toAbsolutePath(), "A", "A", "B", "B", "C", "C")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{A}}|{{B}}|{{C}}")).isEqualTo("quoted value|single|plain");
    }

    @Test
    void missingEnvironmentVariableNamesVariableBindPositionAndWhatToSet() {
        assertThatThrownBy(() -> new BindResolver(Map.of(), Map.of(), false)
                .resolve(List.of(bind("env", null, "TOKEN", "MY_TOKEN")), dir.resolve("cap.yaml")))
                .isInstanceOf(PlanException.class)
                .hasMessage("missing variable MY_TOKEN (bind 'env', " + dir.resolve("cap.yaml") + ":7:5): export MY_TOKEN=..."
                        + " or pass --env-file FILE with MY_TOKEN=...");
    }

    @Test
    void missingFileKeyAndMissingFile() throws Exception {
        Files.writeString(dir.resolve("v.json"), "{}");
        assertThatThrownBy(() -> new BindResolver(Map.of(), Map.of(), false)
                .resolve(List.of(bind("v", "file:///./v.json", "T", "t")), dir.resolve("cap.yaml")))
                .hasMessageContaining("missing key t for variable T").hasMessageContaining("add t to that file");
        assertThatThrownBy(() -> new BindResolver(Map.of(), Map.of(), false)
                .resolve(List.of(bind("v", "file:///./nope.json", "T", "t")), dir.resolve("cap.yaml")))
                .hasMessageContaining("nope.json not found");
    }

    @Test
    void unsupportedSchemeIsAPlanError() {
        assertThatThrownBy(() -> new BindResolver(Map.of(), Map.of(), false)
                .resolve(List.of(bind("vault", "vault://kv/x", "T", "t")), dir.resolve("cap.yaml")))
                .hasMessageContaining("location scheme 'vault' is not supported");
    }

    @Test
    void dryRunTurnsMissingValuesIntoPlaceholders() {
        BindValues v = new BindResolver(Map.of(), Map.of(), true)
                .resolve(List.of(bind("env", null, "TOKEN", "MY_TOKEN")), dir.resolve("cap.yaml"));
        assertThat(render(v, "{{TOKEN}}")).isEqualTo("<unset:TOKEN>");
        assertThat(v.secrets()).isEmpty();
    }

    @Test
    void redactorMasksEverySecretOccurrenceAndCredentialHeaders() {
        Redactor r = new Redactor(java.util.Set.of("s3cr3t-value", "ab"));
        assertThat(r.redact("x=s3cr3t-value&y=s3cr3t-value")).isEqualTo("x=***&y=***");
        assertThat(r.redact("abc")).isEqualTo("abc");
        assertThat(r.redact("ab")).isEqualTo("***");
        assertThat(r.redactHeader("Authorization", "Basic dXNlcjpwYXNz", java.util.Set.of())).isEqualTo("Basic ***");
        assertThat(r.redactHeader("X-Key", "literal", java.util.Set.of("x-key"))).isEqualTo("***");
        assertThat(r.redactHeader("Accept", "application/json", java.util.Set.of())).isEqualTo("application/json");
    }
}
