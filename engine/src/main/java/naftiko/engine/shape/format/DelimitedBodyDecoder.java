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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * csv / tsv / psv: an array of row objects keyed by the first row's headers (trimmed; blank or
 * repeated headers get keys as for html tables), every value a string exactly as written. Fields
 * may be double-quoted (separators, quotes and newlines inside); blank lines are skipped; cells
 * beyond the headers are keyed {@code column<N>}; missing trailing cells are absent. Rows are
 * streamed one at a time from the body.
 */
final class DelimitedBodyDecoder implements BodyDecoder {
    private final String label;
    private final ObjectReader reader;

    DelimitedBodyDecoder(String label, char separator) {
        this.label = label;
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        CsvSchema schema = CsvSchema.emptySchema()
                .withoutHeader()
                .withColumnSeparator(separator)
                .withQuoteChar('"');
        this.reader = mapper.readerFor(String[].class).with(schema);
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        if (BodyText.isBlank(body)) {
            return rows;
        }
        try (MappingIterator<String[]> it = reader.readValues(body)) {
            List<String> headers = null;
            while (it.hasNextValue()) {
                List<String> cells = Arrays.asList(it.nextValue());
                if (headers == null) {
                    List<String> trimmed = new ArrayList<>(cells.size());
                    cells.forEach(c -> trimmed.add(c.strip()));
                    headers = TableHeaders.of(trimmed);
                } else {
                    rows.add(TableHeaders.row(headers, cells));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw BodyText.invalid(label, e instanceof IOException io ? io : null);
        }
    }
}
