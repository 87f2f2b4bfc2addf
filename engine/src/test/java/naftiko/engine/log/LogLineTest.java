package naftiko.engine.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogLineTest {

    private static String text(LogLine line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void textLineQuotesOnlyWhatIsNotBare() {
        String line = text(new LogLine(LogFormat.TEXT, LogLevel.INFO, "request")
                .field("unit", "GET /a/{id}")
                .field("path", "/a/b_c.d:e@f+g-h")
                .field("note", "say \"hi\"\\\nbye")
                .field("empty", "")
                .field("missing", null)
                .millis("duration_ms", 12_345_678));
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z INFO request .*\n");
        assertThat(line.substring(line.indexOf(" INFO"))).isEqualTo(" INFO request unit=\"GET /a/{id}\" path=/a/b_c.d:e@f+g-h"
                + " note=\"say \\\"hi\\\"\\\\\\nbye\" empty=\"\" missing=- duration_ms=12.3\n");
    }

    @Test
    void jsonLineIsValidJsonWithEscapes() throws Exception {
        String line = text(new LogLine(LogFormat.JSON, LogLevel.WARN, "reload")
                .field("file", "a\"b\\c\td\u0001é")
                .field("missing", null)
                .millis("duration_ms", 49_999));
        assertThat(line).endsWith("}\n");
        JsonNode node = new ObjectMapper().readTree(line);
        assertThat(node.path("level").asText()).isEqualTo("warn");
        assertThat(node.path("event").asText()).isEqualTo("reload");
        assertThat(node.path("file").asText()).isEqualTo("a\"b\\c\td\u0001é");
        assertThat(node.get("missing").isNull()).isTrue();
        assertThat(node.path("duration_ms").asText()).isEqualTo("0.0");
        assertThat(node.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void millisRoundToOneDecimal() {
        assertThat(text(new LogLine(LogFormat.TEXT, LogLevel.INFO, "e").millis("d", 50_000))).endsWith(" d=0.1\n");
        assertThat(text(new LogLine(LogFormat.TEXT, LogLevel.INFO, "e").millis("d", 1_949_999))).endsWith(" d=1.9\n");
        assertThat(text(new LogLine(LogFormat.TEXT, LogLevel.INFO, "e").millis("d", 10_000_000_000L))).endsWith(" d=10000.0\n");
    }

    @Test
    void requestIdsAreVersion4UuidsAndDistinct() {
        String a = RequestIds.fresh();
        String b = RequestIds.fresh();
        assertThat(a).isNotEqualTo(b);
        UUID u = UUID.fromString(a);
        assertThat(u.version()).isEqualTo(4);
        assertThat(u.variant()).isEqualTo(2);
        assertThat(u.toString()).isEqualTo(a);
    }
}
