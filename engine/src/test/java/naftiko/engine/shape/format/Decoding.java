package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test shorthand: decode a text body, parse expected JSON, read a test resource. */
final class Decoding {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Decoding() {}

    static JsonNode decode(String format, String body) {
        return decode(format, body, null);
    }

    static JsonNode decode(String format, String body, String outputSchema) {
        return FormatDecoder.decode(format, body.getBytes(StandardCharsets.UTF_8), outputSchema, null);
    }

    /** Expected trees are written with single quotes for readability. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = Decoding.class.getResourceAsStream("/formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource formats/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
