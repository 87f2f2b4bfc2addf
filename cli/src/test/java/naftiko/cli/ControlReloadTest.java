package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import naftiko.engine.log.LogFormat;
import naftiko.engine.testing.FakeUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The control port follows hot reloads: capabilities appear and go, a broken file shows its diagnostic. */
class ControlReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    @TempDir
    Path other;

    private RunSession session;

    @AfterEach
    void stop() {
        if (session != null) session.close();
        OperateFixture.restoreLog();
    }

    private JsonNode status() throws Exception {
        return JSON.readTree(OperateFixture.get("http://127.0.0.1:" + session.controlPort() + "/status").body());
    }

    @Test
    void statusFollowsTheFolder() throws Exception {
        OperateFixture.captureLog(LogFormat.TEXT);
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.answer(FakeUpstream.Reply.json(200, "{}"));
            OperateFixture.write(dir, "a.yaml", OperateFixture.capability("alpha", upstream.baseUri()));
            RunCommand cmd = new RunCommand();
            new CommandLine(cmd).parseArgs(dir.toString(), "--env-file", OperateFixture.envFile(other).toString(),
                    "--control-port", "0");
            session = RunSession.start(cmd, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            JsonNode first = status();
            assertThat(first.get("capabilities")).hasSize(1);
            assertThat(first.get("diagnostics")).isEmpty();
            String started = first.get("lastReload").asText();

            OperateFixture.write(dir, "b.yaml", OperateFixture.capability("beta", upstream.baseUri()));
            assertThat(OperateFixture.eventually(10, () -> {
                try {
                    return status().get("capabilities").size() == 2;
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
            assertThat(status().get("lastReload").asText()).isNotEqualTo(started);
            assertThat(status().at("/capabilities/1/source").asText()).endsWith("b.yaml");
            assertThat(status().at("/capabilities/1/mounted").asBoolean()).isTrue();

            Files.writeString(dir.resolve("b.yaml"), OperateFixture.capability("beta", upstream.baseUri()) + "\n  : [broken\n");
            assertThat(OperateFixture.eventually(10, () -> {
                try {
                    return status().get("diagnostics").toString().contains("b.yaml:");
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
            assertThat(status().get("diagnostics").get(0).asText()).matches(".*b\\.yaml:\\d+:\\d+: error .*");
            assertThat(status().get("capabilities")).hasSize(2); // the last good version keeps running
            assertThat(status().toString()).doesNotContain(OperateFixture.SECRET);

            Files.delete(dir.resolve("b.yaml"));
            assertThat(OperateFixture.eventually(10, () -> {
                try {
                    JsonNode s = status();
                    return s.get("capabilities").size() == 1 && s.get("diagnostics").isEmpty();
                } catch (Exception e) {
                    return false;
                }
            })).isTrue();
            assertThat(OperateFixture.get("http://127.0.0.1:" + session.controlPort() + "/health/ready").statusCode())
                    .isEqualTo(200);
        }
    }
}
