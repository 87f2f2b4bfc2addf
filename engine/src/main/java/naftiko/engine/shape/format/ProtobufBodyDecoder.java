package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * protobuf: refused on purpose. Protobuf bodies cannot be decoded without the message type's
 * compiled descriptor, and turning a {@code .proto} source into one needs {@code protoc}; a
 * partial hand-written {@code .proto} parser would silently mis-decode. Both the load-time check
 * and every decode say so, and what to use instead.
 */
final class ProtobufBodyDecoder implements BodyDecoder {
    static final String UNSUPPORTED = "outputRawFormat protobuf is not supported by this runtime"
            + " (decoding needs a compiled .proto descriptor); have the upstream answer JSON"
            + " (for example Accept: application/json), or use avro with an .avsc outputSchema";

    @Override
    public void check(String outputSchema, Path baseDir) {
        throw new FormatDecoder.FormatException(UNSUPPORTED);
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        throw new FormatDecoder.FormatException(UNSUPPORTED);
    }
}
