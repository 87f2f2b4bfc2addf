package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.decode;
import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.NullNode;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
    @Test
    void parsesJsonAsIs() {
        assertThat(decode("json", "{\"a\":[1,2.5,true,null],\"b\":{\"c\":\"x\"}}"))
                .isEqualTo(json("{'a':[1,2.5,true,null],'b':{'c':'x'}}"));
    }

    @Test
    void nullFormatMeansJsonAndCaseIsIgnored() {
        assertThat(decode(null, "[1]")).isEqualTo(json("[1]"));
        assertThat(decode("JSON", "[1]")).isEqualTo(json("[1]"));
    }

    @Test
    void skipsByteOrderMark() {
        assertThat(decode("json", "\uFEFF{\"a\":1}")).isEqualTo(json("{'a':1}"));
    }

    @Test
    void emptyBodyIsNull() {
        assertThat(decode("json", "")).isEqualTo(NullNode.getInstance());
        assertThat(decode("json", " \n")).isEqualTo(NullNode.getInstance());
    }

    @Test
    void rejectsTrailingGarbageWithPositionOnly() {
        assertThatThrownBy(() -> decode("json", "{\"a\":1} secret-token"))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is not valid JSON (line 1, column 9)")
                .hasNoCause();
    }

    @Test
    void deepNestingIsRefused() {
        assertThatThrownBy(() -> decode("json", "[".repeat(100_000)))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid JSON");
    }

    @Test
    void rejectsHtmlErrorPage() {
        assertThatThrownBy(() -> decode("json", "<html>502 Bad Gateway</html>"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("upstream body is not valid JSON")
                .hasMessageNotContaining("Bad Gateway");
    }
}
