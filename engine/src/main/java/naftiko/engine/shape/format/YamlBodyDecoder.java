package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * yaml: the first document parsed into plain JSON values. Jackson reads YAML as parser events
 * only (no tags turn into Java types); aliases, nesting and size are capped against bombs.
 */
final class YamlBodyDecoder implements BodyDecoder {
    private static final int MAX_ALIASES = 50;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

    private final YAMLMapper mapper;

    YamlBodyDecoder() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        mapper = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        if (BodyText.isBlank(body)) {
            return NullNode.getInstance();
        }
        return parse(BodyText.utf8(body), "YAML");
    }

    /** Also used for markdown front matter; {@code what} names the input in the error. */
    JsonNode parse(String text, String what) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
        } catch (IOException | RuntimeException e) {
            throw BodyText.invalid(what, e instanceof IOException io ? io : null);
        }
    }
}
