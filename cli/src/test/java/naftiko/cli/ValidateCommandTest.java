package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** {@code naftiko validate}: exit codes, the three output formats, directory walking, broken inputs. */
class ValidateCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static synchronized Run validate(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 1];
            all[0] = "validate";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = Main.execute(all);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Path posthog() {
        String root = System.getProperty("naftiko.repo.root");
        Path r = root != null ? Path.of(root) : Path.of("..");
        return r.resolve("capabilities/posthog-task-runs.yaml").toAbsolutePath().normalize();
    }

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    @Test
    void posthogPassesWithLocatedWarnings() {
        Run r = validate(posthog().toString());
        assertThat(r.exit()).isZero();
        List<String> lines = r.lines();
        assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
                .allSatisfy(l -> assertThat(l).matches(".*posthog-task-runs\\.yaml:\\d+:\\d+: warning \\[[a-z-]+\\] .+"));
        assertThat(lines.get(lines.size() - 1)).matches("1 file, 0 errors, \\d+ warnings");
        assertThat(r.out()).doesNotContain("\u001b[");
    }

    @Test
    void strictMakesEveryLeniencyAnError() {
        Run lenient = validate(posthog().toString());
        Run strict = validate("--strict", posthog().toString());
        assertThat(strict.exit()).isEqualTo(1);
        long warnings = lenient.lines().stream().filter(l -> l.contains(": warning [")).count();
        assertThat(strict.lines().stream().filter(l -> l.contains(": error [")).count()).isEqualTo(warnings);
        assertThat(strict.out()).doesNotContain(": warning [");
        assertThat(strict.lines().get(strict.lines().size() - 1)).isEqualTo("1 file, " + warnings + " errors, 0 warnings");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid YAML        | naftiko: 1.0.0-alpha2\\ncapability: {exposes: [\\n                    | 3:1 | yaml-syntax
            non-mapping root    | - a\\n- b\\n                                                       | 1:1 | root-not-mapping
            unknown call        | naftiko: 1.0.0-alpha2\\ncapability:\\n  exposes:\\n    - {type: mcp, namespace: m, port: 9000, tools: [{name: t, description: d, call: up.get}]}\\n | 4:85 | unknown-call
            duplicate namespace | naftiko: 1.0.0-alpha2\\ncapability:\\n  exposes:\\n    - {type: mcp, namespace: m, port: 9000, tools: [{name: t, description: d, outputParameters: [{name: a, type: string, value: b}]}]}\\n    - {type: mcp, namespace: m, port: 9001, tools: [{name: t, description: d, outputParameters: [{name: a, type: string, value: b}]}]}\\n | 5:7 | duplicate-namespace
            missing field       | naftiko: 1.0.0-alpha2\\ncapability:\\n  exposes:\\n    - {type: mcp, port: 9000, tools: [{name: t, description: d, outputParameters: [{name: a, type: string, value: b}]}]}\\n | 4:7 | required-field
            wrong type          | naftiko: 1.0.0-alpha2\\ncapability:\\n  exposes:\\n    - type: rest\\n      namespace: r\\n      port: abc\\n | 6:13 | wrong-type
            empty file          | ''                                                             | 1:1 | file-empty
            """)
    void brokenInputsExitOneWithAPreciseLocation(String what, String text, String lineCol, String rule) throws Exception {
        Path f = write(what.replace(' ', '-') + ".yaml", text.equals("''") ? "" : text.replace("\\n", "\n"));
        Run r = validate(f.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains(".yaml:" + lineCol + ": error [" + rule + "] ");
        assertThat(r.out() + r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void binaryFileIsOneClearError() throws Exception {
        Path f = dir.resolve("image.yaml");
        Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xfe});
        Run r = validate(f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0)).endsWith("image.yaml:1:1: error [file-binary] binary file (NUL byte at offset 4); a capability file is UTF-8 YAML text");
    }

    @Test
    void directoriesRecurseAndSkipNonNaftikoYaml() throws Exception {
        write("a/ok.yaml", "naftiko: 1.0.0-alpha2\ncapability:\n  exposes:\n    - {type: mcp, namespace: m, port: 9000, tools: "
                + "[{name: t, description: d, outputParameters: [{name: a, type: string, value: b}]}]}\n");
        write("a/b/shared.yml", "# shared consumes\nnaftiko: 1.0.0-alpha2\nconsumes:\n  - {type: http, namespace: up, baseUri: 'https://up.test', "
                + "resources: [{name: r, path: /r, operations: [{name: get, method: GET}]}]}\n");
        write("a/ci.yaml", "steps:\n  - run: make\n");
        write("a/notes.txt", "naftiko: no\n");
        Run r = validate("--format", "json", dir.resolve("a").toString());
        assertThat(r.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("file").asText()).endsWith("shared.yml");
        assertThat(json.get(1).get("file").asText()).endsWith("ok.yaml");
        assertThat(json.get(1).get("errors").asInt()).isZero();
    }

    @Test
    void jsonCarriesEveryDiagnostic() throws Exception {
        Path f = write("bad.yaml", "naftiko: 1.0.0-alpha2\ncapability:\n  exposes:\n    - type: rest\n      namespace: r\n      port: abc\n");
        Run r = validate("--format=json", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        JsonNode file = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(file.get("errors").asInt()).isEqualTo(1);
        JsonNode d = file.get("diagnostics").get(0);
        assertThat(d.get("severity").asText()).isEqualTo("error");
        assertThat(d.get("rule").asText()).isEqualTo("wrong-type");
        assertThat(d.get("line").asInt()).isEqualTo(6);
        assertThat(d.get("column").asInt()).isEqualTo(13);
        assertThat(d.get("message").asText()).isEqualTo("'port' in REST adapter 'r' must be an integer, got 'abc'");
        assertThat(d.has("hint")).isTrue();
    }

    @Test
    void junitHasOneTestcasePerFileFailingWithItsErrors() throws Exception {
        Path bad = write("bad.yaml", "- not a document\n");
        Run r = validate("--format", "junit", posthog().toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
        var cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        var failure = xml.getElementsByTagName("failure");
        assertThat(failure.getLength()).isEqualTo(1);
        assertThat(failure.item(0).getParentNode().getAttributes().getNamedItem("name").getNodeValue()).endsWith("bad.yaml");
        assertThat(failure.item(0).getTextContent()).contains("bad.yaml:1:1: error [root-not-mapping]");
    }

    @Test
    void usageErrorsExitTwo() {
        Run unknownOption = validate("--bogus", posthog().toString());
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'");
        Run missingPath = validate(dir.resolve("nope.yaml").toString());
        assertThat(missingPath.exit()).isEqualTo(2);
        assertThat(missingPath.err()).contains("nope.yaml: no such file or directory");
        assertThat(validate().exit()).isEqualTo(2);
        assertThat(validate("--format", "xml", posthog().toString()).exit()).isEqualTo(2);
    }
}
