package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The faster resolution gives the core schema's tag for every scalar. */
class CoreScalarsTest {

    private final ScalarResolver core = new CoreSchema().getScalarResolver();
    private final ScalarResolver fast = new CoreScalars().getScalarResolver();

    @Test
    void sameTagsAsTheCoreSchema() throws Exception {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "null", "Null", "NULL", "nul", "nulls", "name",
                "true", "True", "TRUE", "tRue", "truex", "false", "False", "FALSE", "f", "t", "T", "F", "yes", "no", "on",
                "0", "-1", "+2", "012", "0o17", "0x1F", "0xZ", "1.5", ".5", "-.5e3", "1e10", ".inf", "-.Inf", ".NaN", ".nan",
                "1_000", "1:30", "2026-05-19", "$.", "${HOME}", "${ X:-y }", "$x", "<<", "<", "<x", "\u0000", "GET",
                "/v1/api/{id}", "{{x}}", "é", "—", "12abc", "-", "+", "."));
        // every plain scalar (and key) of the bundled capability file
        for (String line : Files.readAllLines(Path.of("../capabilities/posthog-task-runs.yaml"))) {
            for (String part : line.trim().replaceFirst("^- ", "").split(": ?", 2)) values.add(part.trim());
        }
        for (char c = 0; c < 0x3000; c++) {
            values.add(String.valueOf(c));
            values.add(c + "rue");
            values.add(c + "1");
        }
        for (String v : values) {
            assertThat(fast.resolve(v, true)).as(v).isEqualTo(core.resolve(v, true));
            assertThat(fast.resolve(v, false)).as(v).isEqualTo(core.resolve(v, false));
        }
    }
}
