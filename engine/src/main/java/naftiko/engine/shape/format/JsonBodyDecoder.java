package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.file.Path;

/** json: parsed as is; trailing garbage is an error; an empty body is JSON null. */
final class JsonBodyDecoder implements BodyDecoder {
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        if (BodyText.isBlank(body)) {
            return NullNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw BodyText.invalid("JSON", e);
        }
    }
}
