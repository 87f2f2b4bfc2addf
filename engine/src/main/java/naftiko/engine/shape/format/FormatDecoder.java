package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns an upstream body into a JSON tree according to the consumed operation's
 * {@code outputRawFormat} (SPEC.md §5.8), before any JsonPath is applied.
 */
public final class FormatDecoder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FormatDecoder() {}

    /**
     * @param format       {@code outputRawFormat} as written (case-insensitive), null means json
     * @param outputSchema html: CSS selector; markdown: heading prefix; avro/protobuf: schema file
     * @param baseDir      folder of the capability file, for schema files
     * @throws FormatException when the body is not of the declared format
     */
    public static JsonNode decode(String format, byte[] body, String outputSchema, Path baseDir) {
        String f = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!f.equals("json")) {
            throw new FormatException("outputRawFormat '" + format + "' is not supported yet");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new FormatException("upstream body is not valid JSON");
        }
    }

    /** The body does not decode as the declared format; the message is safe to show. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String message) {
            super(message, null, false, false);
        }
    }
}
