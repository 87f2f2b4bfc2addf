package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code ./naftiko} launcher is an executable, syntactically valid bash script that finds its own root. */
class LauncherScriptTest {
    static Path script() {
        String root = System.getProperty("naftiko.repo.root");
        return (root != null ? Path.of(root) : Path.of("..")).resolve("naftiko").toAbsolutePath().normalize();
    }

    @Test
    void isAnExecutableBashScript() throws Exception {
        Path s = script();
        assertThat(s).isRegularFile();
        assertThat(Files.isExecutable(s)).isTrue();
        String text = Files.readString(s);
        assertThat(text).startsWith("#!/usr/bin/env bash");
        assertThat(text).contains("mvn -B -q -DskipTests package").contains("exec java ${NAFTIKO_JAVA_OPTS:-} -jar \"$jar\" \"$@\"");
        Process p = new ProcessBuilder("bash", "-n", s.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes())).isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
