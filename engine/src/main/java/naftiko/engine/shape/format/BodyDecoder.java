package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Decodes an upstream body of one {@code outputRawFormat} into a JSON tree. */
interface BodyDecoder {
    /**
     * @param outputSchema trimmed {@code outputSchema}, or null when absent
     * @throws FormatDecoder.FormatException with a short message that never echoes the body
     */
    JsonNode decode(byte[] body, String outputSchema, Path baseDir);

    /** Rejects settings that can never decode anything (load-time check); default: all fine. */
    default void check(String outputSchema, Path baseDir) {}
}
