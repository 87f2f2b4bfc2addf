package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged documents (lines dropped, repeated, re-indented, values replaced by null or by the wrong
 * kind of node) always come back as located diagnostics: the loader never throws and never falls
 * back to its "loader-failure" catch-all.
 */
class RobustnessTest {
    @TempDir
    Path dir;

    @Test
    void mutatedConformanceDocumentsNeverBreakTheLoader() throws Exception {
        Random random = new Random(20261204);
        List<Path> files = new ArrayList<>(TestFiles.yamlUnder(TestFiles.resource("conformance"), true));
        files.add(TestFiles.posthog());
        int loads = 0;
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < 12; i++) {
                List<String> m = new ArrayList<>(lines);
                for (int k = 0; k < 1 + random.nextInt(3) && !m.isEmpty(); k++) {
                    int j = random.nextInt(m.size());
                    switch (random.nextInt(5)) {
                        case 0 -> m.remove(j);
                        case 1 -> m.add(j, m.get(random.nextInt(m.size())));
                        case 2 -> m.set(j, m.get(j).replaceFirst(":\\s*\\S.*$", ": [1, {a: b}]"));
                        case 3 -> m.set(j, m.get(j).replaceFirst(":\\s*\\S.*$", ":"));
                        default -> m.set(j, "  " + m.get(j));
                    }
                }
                Path p = dir.resolve("m" + loads + "-" + f.getFileName());
                Files.write(p, m);
                LoadResult r = SpecLoader.load(p);
                loads++;
                assertThat(r.diagnostics()).as(p + "\n" + String.join("\n", m)).allSatisfy(d -> {
                    assertThat(d.rule()).isNotEqualTo("loader-failure");
                    assertThat(d.pos()).isNotNull();
                    assertThat(d.message()).isNotBlank();
                });
            }
        }
        assertThat(loads).isGreaterThan(600);
    }
}
