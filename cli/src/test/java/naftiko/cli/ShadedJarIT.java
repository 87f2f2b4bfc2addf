package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users get it. Runs in the integration-test phase (failsafe), after
 * {@code package} has built cli/target/naftiko.jar from the current sources.
 */
class ShadedJarIT {

    @Test
    void theShadedJarRunsFromAnotherFolder(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("naftiko.repo.root", ".."), "cli", "target", "naftiko.jar");
        assertThat(jar).as("cli/target/naftiko.jar, built by the package phase before this test").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (Map.Entry<String, String> c : Map.of("--version", "naftiko ", "list", "posthog-task-runs  PostHog API — task-runs")
                .entrySet()) {
            Process p = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString(), c.getKey())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith(c.getValue());
            assertThat(p.exitValue()).isEqualTo(0);
        }
    }
}
