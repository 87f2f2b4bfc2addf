package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * protobuf, with Google's protobuf-java: one binary message decoded against a compiled
 * descriptor set named by {@code outputSchema} ({@code file.desc#package.Message}, see
 * {@link ProtobufSchema}) and turned into JSON by {@link ProtobufJson}. A {@code .proto} source
 * file is refused with the protoc command that compiles it: parsing {@code .proto} text needs
 * protoc, and a hand-written parser would mis-decode silently. Descriptors are built once and cached.
 */
final class ProtobufBodyDecoder implements BodyDecoder {
    private static final int MAX_NESTING = 100;
    private final Map<String, Descriptor> descriptors = new ConcurrentHashMap<>();

    @Override
    public void check(String outputSchema, Path baseDir) {
        descriptor(outputSchema, baseDir);
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        Descriptor type = descriptor(outputSchema, baseDir);
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            in.setRecursionLimit(MAX_NESTING);
            DynamicMessage message = DynamicMessage.parseFrom(type, in);
            return ProtobufJson.of(message);
        } catch (IOException | RuntimeException e) {
            throw new FormatDecoder.FormatException(
                    "upstream body is not a valid protobuf message of type " + type.getFullName());
        }
    }

    private Descriptor descriptor(String outputSchema, Path baseDir) {
        if (outputSchema == null) {
            throw new FormatDecoder.FormatException("outputRawFormat protobuf needs outputSchema naming a"
                    + " compiled descriptor set and message, e.g. records.desc#pkg.Records (protoc"
                    + " --include_imports --descriptor_set_out=records.desc records.proto)");
        }
        String key = (baseDir == null ? "" : baseDir.toAbsolutePath().normalize() + "|") + outputSchema;
        Descriptor cached = descriptors.get(key);
        if (cached != null) {
            return cached;
        }
        Descriptor loaded = ProtobufSchema.load(outputSchema, baseDir);
        descriptors.put(key, loaded);
        return loaded;
    }
}
