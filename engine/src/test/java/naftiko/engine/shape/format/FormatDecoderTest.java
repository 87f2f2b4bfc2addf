package naftiko.engine.shape.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;

class FormatDecoderTest {
    @Test
    void unknownFormatIsRejectedListingTheKnownOnes() {
        String expected = "outputRawFormat 'excel' is unknown; use one of"
                + " json, xml, avro, protobuf, csv, tsv, psv, yaml, html, markdown";
        assertThatThrownBy(() -> FormatDecoder.decode("excel", new byte[0], null, null))
                .isInstanceOf(FormatException.class)
                .hasMessage(expected);
        assertThat(FormatDecoder.check("excel", null, null)).contains(expected);
    }

    @Test
    void everyTextFormatPassesTheLoadTimeCheckWithoutSchema() {
        for (String f : new String[] {null, "json", "XML", "yaml", "csv", "tsv", "psv", "html", "markdown"}) {
            assertThat(FormatDecoder.check(f, null, null)).as(String.valueOf(f)).isEmpty();
        }
    }

    @Test
    void blankSchemaCountsAsAbsentAndNullBodyAsEmpty() {
        assertThat(FormatDecoder.decode("html", null, "  ", null).toString()).isEqualTo("{\"tables\":[]}");
        assertThat(FormatDecoder.decode(" CSV ", null, null, null).toString()).isEqualTo("[]");
    }

    @Test
    void exceptionsCarryNoStackTraceOrCause() {
        FormatException e = new FormatException("x");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }
}
