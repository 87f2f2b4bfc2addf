package naftiko.engine.shape.format;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The descriptor set protoc would write for this test schema (built in code: no protoc here).
 * <pre>
 * syntax = "proto3"; package test.records;
 * enum Status { UNKNOWN = 0; ACTIVE = 1; }
 * message Record { string id = 1; string title = 2; optional string description = 3; }
 * message RecordPage {
 *   repeated Record records = 1; int64 total = 2; Status status = 3; map&lt;string,int32&gt; counts = 4;
 *   bytes raw = 5; uint64 big = 6; oneof pick { string a = 7; int32 b = 8; } int32 page_size = 9;
 * }
 * </pre>
 */
final class ProtoTypes {
    static final FileDescriptorProto FILE = FileDescriptorProto.newBuilder()
            .setName("records.proto").setPackage("test.records").setSyntax("proto3")
            .addEnumType(EnumDescriptorProto.newBuilder().setName("Status")
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("UNKNOWN").setNumber(0))
                    .addValue(EnumValueDescriptorProto.newBuilder().setName("ACTIVE").setNumber(1)))
            .addMessageType(DescriptorProto.newBuilder().setName("Record")
                    .addField(field("id", 1, Type.TYPE_STRING))
                    .addField(field("title", 2, Type.TYPE_STRING))
                    .addField(field("description", 3, Type.TYPE_STRING).setProto3Optional(true).setOneofIndex(0))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_description")))
            .addMessageType(DescriptorProto.newBuilder().setName("RecordPage")
                    .addField(field("records", 1, Type.TYPE_MESSAGE).setLabel(Label.LABEL_REPEATED)
                            .setTypeName(".test.records.Record"))
                    .addField(field("total", 2, Type.TYPE_INT64))
                    .addField(field("status", 3, Type.TYPE_ENUM).setTypeName(".test.records.Status"))
                    .addField(field("counts", 4, Type.TYPE_MESSAGE).setLabel(Label.LABEL_REPEATED)
                            .setTypeName(".test.records.RecordPage.CountsEntry"))
                    .addField(field("raw", 5, Type.TYPE_BYTES))
                    .addField(field("big", 6, Type.TYPE_UINT64))
                    .addField(field("a", 7, Type.TYPE_STRING).setOneofIndex(0))
                    .addField(field("b", 8, Type.TYPE_INT32).setOneofIndex(0))
                    .addField(field("page_size", 9, Type.TYPE_INT32))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("pick"))
                    .addNestedType(DescriptorProto.newBuilder().setName("CountsEntry")
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                            .addField(field("key", 1, Type.TYPE_STRING))
                            .addField(field("value", 2, Type.TYPE_INT32))))
            .build();

    private ProtoTypes() {}

    static Path writeDescriptorSet(Path dir, String name) throws IOException {
        return Files.write(dir.resolve(name), FileDescriptorSet.newBuilder().addFile(FILE).build().toByteArray());
    }

    static Descriptor type(String name) {
        try {
            return FileDescriptor.buildFrom(FILE, new FileDescriptor[0]).findMessageTypeByName(name);
        } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type)
                .setLabel(Label.LABEL_OPTIONAL).setJsonName(jsonName(name));
    }

    private static String jsonName(String name) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
