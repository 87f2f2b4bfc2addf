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
    void sharedDecodersGiveTheSameTreesUnderConcurrentUse() throws Exception {
        String[][] cases = {
                {"html", "products.html", "table.products"}, {"markdown", "readme.md", null},
                {"csv", "users.csv", null}, {"xml", "users.xml", null}, {"yaml", "users.yaml", null}};
        java.util.List<com.fasterxml.jackson.databind.JsonNode> expected = new java.util.ArrayList<>();
        for (String[] c : cases) {
            expected.add(FormatDecoder.decode(c[0], Decoding.resource(c[1]), c[2], null));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i % cases.length;
                results.add(pool.submit(() -> FormatDecoder.decode(cases[k][0], Decoding.resource(cases[k][1]),
                        cases[k][2], null).equals(expected.get(k))));
            }
            for (var f : results) {
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void exceptionsCarryNoStackTraceOrCause() {
        FormatException e = new FormatException("x");
        assertThat(e.getStackTrace()).isEmpty();
        assertThat(e.getCause()).isNull();
    }
}
