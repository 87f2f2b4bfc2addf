package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * yaml: the first document, parsed with SnakeYAML Engine's core schema (plain maps, lists,
 * strings, numbers, booleans, null: no tag ever builds a Java object) and turned into JSON.
 * Anchors and aliases are expanded, within limits: few aliases, no recursive keys, and a cap on
 * depth and node count when building the tree, so alias bombs fail instead of exhausting memory.
 */
final class YamlBodyDecoder implements BodyDecoder {
    private static final int MAX_ALIASES = 50;
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private final LoadSettings settings = LoadSettings.builder()
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_CODE_POINTS)
            .setSchema(new CoreSchema())
            .setLabel("upstream")
            .build();

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        if (BodyText.isBlank(body)) {
            return NullNode.getInstance();
        }
        return parse(BodyText.utf8(body), "YAML");
    }

    /** Also used for markdown front matter; {@code what} names the input in the error. */
    JsonNode parse(String text, String what) {
        Object value;
        try {
            Iterator<Object> docs = new Load(settings).loadAllFromString(text).iterator();
            value = docs.hasNext() ? docs.next() : null;
        } catch (MarkedYamlEngineException e) {
            String where = e.getProblemMark().map(YamlBodyDecoder::position).orElse("");
            throw new FormatDecoder.FormatException("upstream body is not valid " + what + where);
        } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
            throw new FormatDecoder.FormatException("upstream body is not valid " + what);
        }
        return YamlJson.of(value);
    }

    private static String position(Mark mark) {
        return " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
}
