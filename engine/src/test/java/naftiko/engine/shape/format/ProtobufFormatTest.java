package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import naftiko.engine.shape.format.FormatDecoder.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtobufFormatTest {
    private static final Descriptor PAGE = ProtoTypes.type("RecordPage");
    private static final Descriptor RECORD = ProtoTypes.type("Record");

    @TempDir
    Path dir;

    static byte[] page(String... idTitleDescription) {
        DynamicMessage.Builder page = DynamicMessage.newBuilder(PAGE);
        for (int i = 0; i < idTitleDescription.length; i += 3) {
            DynamicMessage.Builder r = DynamicMessage.newBuilder(RECORD)
                    .setField(RECORD.findFieldByName("id"), idTitleDescription[i])
                    .setField(RECORD.findFieldByName("title"), idTitleDescription[i + 1]);
            if (idTitleDescription[i + 2] != null) {
                r.setField(RECORD.findFieldByName("description"), idTitleDescription[i + 2]);
            }
            page.addRepeatedField(PAGE.findFieldByName("records"), r.build());
        }
        return page.setField(PAGE.findFieldByName("total"), (long) idTitleDescription.length / 3)
                .build().toByteArray();
    }

    @Test
    void decodesWithADescriptorSetAndNamedMessage() throws IOException {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        byte[] body = page("r1", "First", "one", "r2", "Second", null);
        assertThat(FormatDecoder.decode("protobuf", body, "records.desc#test.records.RecordPage", dir)).isEqualTo(json(
                "{'records':[{'id':'r1','title':'First','description':'one'},{'id':'r2','title':'Second'}],"
                        + "'total':2,'status':'UNKNOWN','counts':{},'raw':'','big':0,'pageSize':0}"));
    }

    @Test
    void everyKindBecomesJsonWithDefaultsForFieldsWithoutPresence() throws IOException {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        DynamicMessage counts = DynamicMessage.newBuilder(PAGE.findNestedTypeByName("CountsEntry"))
                .setField(PAGE.findNestedTypeByName("CountsEntry").findFieldByName("key"), "x")
                .setField(PAGE.findNestedTypeByName("CountsEntry").findFieldByName("value"), 3)
                .build();
        byte[] body = DynamicMessage.newBuilder(PAGE)
                .setField(PAGE.findFieldByName("total"), 5_000_000_000L)
                .setField(PAGE.findFieldByName("status"), PAGE.getFile().findEnumTypeByName("Status").findValueByName("ACTIVE"))
                .addRepeatedField(PAGE.findFieldByName("counts"), counts)
                .setField(PAGE.findFieldByName("raw"), ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setField(PAGE.findFieldByName("big"), -1L)
                .setField(PAGE.findFieldByName("b"), 7)
                .setField(PAGE.findFieldByName("page_size"), 50)
                .build().toByteArray();
        assertThat(FormatDecoder.decode("protobuf", body, "records.desc#RecordPage", dir)).isEqualTo(json(
                "{'records':[],'total':5000000000,'status':'ACTIVE','counts':{'x':3},'raw':'AQID',"
                        + "'big':18446744073709551615,'b':7,'pageSize':50}"));
    }

    @Test
    void withoutMessageNameTheFirstMessageOfTheLastFileIsUsed() throws IOException {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        byte[] body = DynamicMessage.newBuilder(RECORD).setField(RECORD.findFieldByName("id"), "solo").build().toByteArray();
        assertThat(FormatDecoder.decode("protobuf", body, "records.desc", dir))
                .isEqualTo(json("{'id':'solo','title':''}"));
    }

    @Test
    void emptyBodyIsTheMessageWithDefaults() throws IOException {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        assertThat(FormatDecoder.decode("protobuf", new byte[0], "records.desc#test.records.Record", dir))
                .isEqualTo(json("{'id':'','title':''}"));
    }

    @Test
    void invalidBodyFailsNamingTheType() throws IOException {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        assertThatThrownBy(() -> FormatDecoder.decode("protobuf", new byte[] {0x0a, (byte) 0xff, 0x01}, "records.desc#RecordPage", dir))
                .isInstanceOf(FormatException.class)
                .hasMessage("upstream body is not a valid protobuf message of type test.records.RecordPage");
        assertThatThrownBy(() -> FormatDecoder.decode("protobuf", "{\"records\":[]}".getBytes(), "records.desc#RecordPage", dir))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void protoSourceIsRefusedWithTheProtocCommand() {
        String expected = "protobuf outputSchema 'schemas/records.proto' is .proto source, which this runtime cannot"
                + " compile; compile it once with protoc --include_imports --descriptor_set_out=schemas/records.desc"
                + " schemas/records.proto and set outputSchema: schemas/records.desc#<package.Message>";
        assertThat(FormatDecoder.check("protobuf", "schemas/records.proto", dir)).contains(expected);
        assertThatThrownBy(() -> FormatDecoder.decode("protobuf", new byte[0], "schemas/records.proto", dir))
                .isInstanceOf(FormatException.class)
                .hasMessage(expected);
    }

    @Test
    void loadTimeCheckCoversMissingSchemaUnknownMessageAndBadFile() throws IOException {
        assertThat(FormatDecoder.check("protobuf", null, dir)).get().asString()
                .startsWith("outputRawFormat protobuf needs outputSchema naming a compiled descriptor set");
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        assertThat(FormatDecoder.check("Protobuf", "records.desc#test.records.Nope", dir))
                .contains("descriptor set 'records.desc' has no message type 'test.records.Nope'");
        Files.writeString(dir.resolve("junk.desc"), "not a descriptor set");
        assertThat(FormatDecoder.check("protobuf", "junk.desc", dir)).contains("schema file 'junk.desc' is not a valid"
                + " protobuf descriptor set (protoc --include_imports --descriptor_set_out)");
        assertThat(FormatDecoder.check("protobuf", "records.desc#test.records.RecordPage", dir)).isEmpty();
    }
}
