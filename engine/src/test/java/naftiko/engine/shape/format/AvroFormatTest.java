package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroFormatTest {
    private static final Schema PAGE = parse("records.avsc");
    private static final Schema RECORD = PAGE.getField("records").schema().getElementType();

    @Test
    void singleDatumDecodedWithSchemaFromTheCapabilityFolder(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("records.avsc"), Decoding.resource("records.avsc"));
        byte[] body = datum(PAGE, page());
        assertThat(FormatDecoder.decode("avro", body, "records.avsc", dir)).isEqualTo(json(
                "{'records':[{'id':'r1','title':'First','description':'one'},"
                        + "{'id':'r2','title':'Second','description':null}],'total':2}"));
    }

    @Test
    void schemaFallsBackToTheClasspath() {
        assertThat(FormatDecoder.decode("avro", datum(PAGE, page()), "formats/records.avsc", Path.of("/nonexistent"))
                .get("total").asLong()).isEqualTo(2);
    }

    @Test
    void everyAvroKindBecomesPlainJson() {
        Schema kinds = parse("kinds.avsc");
        GenericRecord r = new GenericData.Record(kinds);
        r.put("i", 7);
        r.put("f", 1.5f);
        r.put("d", Double.NaN);
        r.put("b", true);
        r.put("raw", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        r.put("hash", new GenericData.Fixed(kinds.getField("hash").schema(), new byte[] {(byte) 0xff, 0}));
        r.put("color", new GenericData.EnumSymbol(kinds.getField("color").schema(), "GREEN"));
        Map<String, Integer> attrs = new LinkedHashMap<>();
        attrs.put("x", 1);
        r.put("attrs", attrs);
        r.put("maybe", "text");
        r.put("at", 1_700_000_000_000L);
        assertThat(FormatDecoder.decode("avro", datum(kinds, r), "formats/kinds.avsc", null)).isEqualTo(json(
                "{'i':7,'f':1.5,'d':'NaN','b':true,'raw':'AQID','hash':'/wA=','color':'GREEN',"
                        + "'attrs':{'x':1},'maybe':'text','at':1700000000000}"));
    }

    @Test
    void containerFileCarriesItsSchemaAndGivesAnArrayOfRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(RECORD))) {
            writer.create(RECORD, out);
            writer.append(record("a", "A", null));
            writer.append(record("b", "B", "bee"));
        }
        assertThat(FormatDecoder.decode("avro", out.toByteArray(), null, null)).isEqualTo(json(
                "[{'id':'a','title':'A','description':null},{'id':'b','title':'B','description':'bee'}]"));
    }

    @Test
    void withoutSchemaAPlainDatumCannotBeDecoded() {
        assertThatThrownBy(() -> FormatDecoder.decode("avro", datum(PAGE, page()), null, null))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is not an Avro object container file (which carries its schema);"
                        + " set outputSchema to an .avsc file to decode a plain Avro datum");
        // container-file upstreams need no schema, so the load-time check lets it pass
        assertThat(FormatDecoder.check("avro", null, null)).isEmpty();
    }

    @Test
    void garbageTruncatedOrTrailingBytesFail() {
        byte[] good = datum(PAGE, page());
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 2);
        assertThatThrownBy(() -> FormatDecoder.decode("avro", truncated, "formats/records.avsc", null))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is not a valid Avro datum of schema dev.naftiko.test.RecordPage");
        assertThatThrownBy(() -> FormatDecoder.decode("avro", trailing, "formats/records.avsc", null))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("bytes left after one Avro datum");
        assertThatThrownBy(() -> FormatDecoder.decode("avro", "{\"records\":[]}".getBytes(), "formats/records.avsc", null))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> FormatDecoder.decode("avro", "Obj\u0001garbage".getBytes(), null, null))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is not a readable Avro object container file");
    }

    @Test
    void forgedCollectionLengthIsRefusedByTheConfiguredLimit() {
        // a 4-byte body claiming 2^28 records: zig-zag varint of 2^28, then nothing
        long zigzag = (1L << 28) << 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        assertThatThrownBy(() -> FormatDecoder.decode("avro", out.toByteArray(), "formats/records.avsc", null))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> org.apache.avro.SystemLimitException.checkMaxCollectionLength(1L << 28))
                .hasMessageContaining("exceeds the maximum allowed of 1000000");
    }

    @Test
    void missingOrInvalidSchemaFilesAreReportedAtLoad(@TempDir Path dir) throws IOException {
        assertThat(FormatDecoder.check("avro", "nope.avsc", dir)).get().asString()
                .isEqualTo("schema file 'nope.avsc' named by outputSchema was not found"
                        + " (looked next to the capability file, then on the classpath)");
        Files.writeString(dir.resolve("bad.avsc"), "{\"type\":\"record\"}");
        assertThat(FormatDecoder.check("avro", "bad.avsc", dir))
                .contains("schema file 'bad.avsc' is not a valid Avro schema (.avsc)");
        assertThat(FormatDecoder.check("avro", "formats/records.avsc", dir)).isEmpty();
    }

    private static GenericRecord page() {
        GenericRecord page = new GenericData.Record(PAGE);
        page.put("records", List.of(record("r1", "First", "one"), record("r2", "Second", null)));
        page.put("total", 2L);
        return page;
    }

    private static GenericRecord record(String id, String title, String description) {
        GenericRecord r = new GenericData.Record(RECORD);
        r.put("id", id);
        r.put("title", title);
        r.put("description", description);
        return r;
    }

    static byte[] datum(Schema schema, Object value) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<Object>(schema).write(value, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Schema parse(String name) {
        return new Schema.Parser().parse(new String(Decoding.resource(name), java.nio.charset.StandardCharsets.UTF_8));
    }
}
