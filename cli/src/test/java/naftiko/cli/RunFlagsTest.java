package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ServeOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class RunFlagsTest {

    @Test
    void sizesAcceptBinaryAndDecimalUnits() {
        assertThat(ByteSize.parse("1MiB")).isEqualTo(1024 * 1024);
        assertThat(ByteSize.parse("512KiB")).isEqualTo(512 * 1024);
        assertThat(ByteSize.parse("2MB")).isEqualTo(2_000_000);
        assertThat(ByteSize.parse("64")).isEqualTo(64);
        assertThat(ByteSize.parse("1k")).isEqualTo(1024);
        assertThatThrownBy(() -> ByteSize.parse("0")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("1MiB");
    }

    @Test
    void durationsAcceptShortFormsAndIso() {
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("PT5S")).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> DurationText.parse("0s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationText.parse("soon")).isInstanceOf(TypeConversionException.class);
        // too large for a long or for a Duration: the same actionable message, not a stray exception
        assertThatThrownBy(() -> DurationText.parse("99999999999999999999s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> DurationText.parse("9999999999999999h")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void flagsBecomeEngineAndServeOptions() {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("a.yaml", "b.yaml", "--base-uri", "posthog-task-runs=http://127.0.0.1:9",
                "--port", "posthog-task-runs-rest=0", "--port", "mcp=7", "--address", "0.0.0.0",
                "--max-body-size", "2KiB", "--upstream-timeout", "750ms", "--dry-run", "--strict", "--stdio");
        assertThat(cmd.files).containsExactly("a.yaml", "b.yaml");
        EngineOptions e = cmd.engineOptions(Map.of("K", "v"));
        assertThat(e.baseUriOverrides()).isEqualTo(Map.of("posthog-task-runs", "http://127.0.0.1:9"));
        assertThat(e.extraValues()).isEqualTo(Map.of("K", "v"));
        assertThat(e.dryRun()).isTrue();
        assertThat(e.requestTimeout()).isEqualTo(Duration.ofMillis(750));
        ServeOptions s = cmd.serveOptions();
        assertThat(s.addressOverride()).isEqualTo("0.0.0.0");
        assertThat(s.portOverrides()).isEqualTo(Map.of("posthog-task-runs-rest", 0, "mcp", 7));
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
        assertThat(s.stdio()).isTrue();
        assertThat(cmd.strict).isTrue();
    }

    @Test
    void defaultsMatchTheEngineDefaults() {
        RunCommand cmd = new RunCommand();
        new CommandLine(cmd).parseArgs("a.yaml");
        assertThat(cmd.serveOptions().maxBodyBytes()).isEqualTo(ServeOptions.DEFAULT_MAX_BODY_BYTES);
        assertThat(cmd.engineOptions(Map.of()).requestTimeout()).isEqualTo(EngineOptions.DEFAULT_REQUEST_TIMEOUT);
        assertThat(cmd.serveOptions().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cmd.serveOptions().addressOverride()).isNull();
    }

    @Test
    void missingFileExitsTwoWithAMessage() {
        assertThat(Main.execute("run", "/nonexistent/cap.yaml")).isEqualTo(2);
    }
}
