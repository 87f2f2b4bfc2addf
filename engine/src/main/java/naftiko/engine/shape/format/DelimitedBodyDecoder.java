package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;

/**
 * csv / tsv / psv: an array of row objects keyed by the first row's headers, every value a
 * string. Fields may be double-quoted (separators, quotes and newlines inside); blank lines are
 * skipped; cells beyond the header count are ignored and missing trailing cells are absent.
 * Rows are streamed one at a time from the body.
 */
final class DelimitedBodyDecoder implements BodyDecoder {
    private final String label;
    private final ObjectReader reader;

    DelimitedBodyDecoder(String label, char separator) {
        this.label = label;
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
                .build();
        CsvSchema schema = CsvSchema.emptySchema()
                .withHeader()
                .withColumnSeparator(separator)
                .withQuoteChar('"');
        this.reader = mapper.readerFor(JsonNode.class).with(schema);
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (BodyText.isBlank(body)) {
            return rows;
        }
        try (MappingIterator<JsonNode> it = reader.readValues(body)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw BodyText.invalid(label, e instanceof IOException io ? io : null);
        }
    }
}
