package naftiko.engine.shape.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

/** protobuf is refused on purpose (README "Upstream formats"): the refusal must say what to do instead. */
class ProtobufFormatTest {
    private static final String MESSAGE = "outputRawFormat protobuf is not supported by this runtime"
            + " (decoding needs a compiled .proto descriptor); have the upstream answer JSON"
            + " (for example Accept: application/json), or use avro with an .avsc outputSchema";

    @Test
    void decodingIsRefusedWithAnActionableMessage() {
        assertThatThrownBy(() -> FormatDecoder.decode("protobuf", new byte[] {0x0a, 0x02, 0x68, 0x69}, "records.proto", null))
                .isInstanceOf(FormatException.class)
                .hasMessage(MESSAGE);
    }

    @Test
    void loadTimeCheckReportsTheSameWithOrWithoutSchema() {
        assertThat(FormatDecoder.check("protobuf", null, null)).contains(MESSAGE);
        assertThat(FormatDecoder.check("Protobuf", "records.proto", null)).contains(MESSAGE);
    }
}
