package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The conformance fixtures formats/*.yaml (copied from the shared corpus): each fixture's consumed
 * {@code outputRawFormat}/{@code outputSchema} decode a sample upstream body, and the exposed
 * operation's array mapping with its item properties, applied with JsonPath, must yield the rows.
 */
class FixtureMappingTest {
    private static final Configuration JSONPATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider())
            .mappingProvider(new JacksonMappingProvider())
            .options(Option.DEFAULT_PATH_LEAF_TO_NULL)
            .build();

    private static final String USERS = "[{'id':'u-1','name':'Ada Lovelace','email':'ada@example.org'},"
            + "{'id':'u-2','name':'Grace Hopper','email':'grace@example.org'}]";

    @Test
    void xmlFixture() {
        assertThat(run("xml-capability.yaml", "users.xml", null)).isEqualTo(json(USERS));
    }

    @Test
    void csvFixture() {
        assertThat(run("csv-capability.yaml", "users.csv", null)).isEqualTo(json(USERS.replace(
                "'Ada Lovelace'", "'Lovelace, Ada'")));
    }

    @Test
    void yamlFixture() {
        assertThat(run("yaml-capability.yaml", "users.yaml", null)).isEqualTo(json(USERS));
    }

    @Test
    void htmlFixtureUsesItsCssSelector() {
        assertThat(run("html-capability.yaml", "products.html", null)).isEqualTo(json(
                "[{'name':'Widget','price':'9.99','stock':'12'},{'name':'Gadget (blue)','price':'4.50','stock':'3'}]"));
    }

    @Test
    void markdownFixture() {
        assertThat(run("markdown-capability.yaml", "readme.md", null)).isEqualTo(json(
                "[{'feature':'CSV upstreams','status':'done'},{'feature':'HTML tables','status':'in progress'}]"));
    }

    @Test
    void avroFixtureDecodesAPlainDatumOnceGivenAnOutputSchema() {
        // as written (no outputSchema) only container-file bodies could decode: a plain datum fails
        assertThatThrownBy(() -> run("avro-capability.yaml", new byte[] {2, 4}, null))
                .isInstanceOf(FormatDecoder.FormatException.class)
                .hasMessageStartingWith("upstream body is not an Avro object container file");

        org.apache.avro.Schema page = new org.apache.avro.Schema.Parser()
                .parse(new String(Decoding.resource("records.avsc"), StandardCharsets.UTF_8));
        org.apache.avro.Schema item = page.getField("records").schema().getElementType();
        var r = new org.apache.avro.generic.GenericData.Record(item);
        r.put("id", "r1");
        r.put("title", "First");
        r.put("description", "the first");
        var p = new org.apache.avro.generic.GenericData.Record(page);
        p.put("records", List.of(r));
        p.put("total", 1L);
        assertThat(run("avro-capability.yaml", AvroFormatTest.datum(page, p), "formats/records.avsc"))
                .isEqualTo(json("[{'id':'r1','title':'First','description':'the first'}]"));
    }

    @Test
    void protobufFixtureNeedsADescriptorSetAndDecodesWithOne(@TempDir Path dir) throws IOException {
        Map<String, Object> consumed = consumedOperation(fixture("proto-capability.yaml"));
        assertThat(FormatDecoder.check((String) consumed.get("outputRawFormat"), null, dir)).get().asString()
                .startsWith("outputRawFormat protobuf needs outputSchema");

        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        byte[] body = ProtobufFormatTest.page("p1", "Proto", "from protobuf", "p2", "Two", null);
        assertThat(run("proto-capability.yaml", body, "records.desc#test.records.RecordPage", dir)).isEqualTo(json(
                "[{'id':'p1','title':'Proto','description':'from protobuf'},{'id':'p2','title':'Two','description':null}]"));
    }

    private static JsonNode run(String fixtureName, String sample, String schemaOverride) {
        return run(fixtureName, Decoding.resource(sample), schemaOverride);
    }

    /** Decodes like the consumed operation says, then applies the exposed array mapping + item properties. */
    @SuppressWarnings("unchecked")
    private static JsonNode run(String fixtureName, byte[] body, String schemaOverride) {
        return run(fixtureName, body, schemaOverride, null);
    }

    private static JsonNode run(String fixtureName, byte[] body, String schemaOverride, Path baseDir) {
        Map<String, Object> doc = fixture(fixtureName);
        Map<String, Object> consumed = consumedOperation(doc);
        String schema = schemaOverride != null ? schemaOverride : (String) consumed.get("outputSchema");
        JsonNode decoded = FormatDecoder.decode((String) consumed.get("outputRawFormat"), body, schema, baseDir);

        Map<String, Object> exposed = firstOperation((List<Object>) ((Map<String, Object>) doc.get("capability")).get("exposes"));
        Map<String, Object> output = (Map<String, Object>) ((List<Object>) exposed.get("outputParameters")).get(0);
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) output.get("items")).get("properties");
        JsonNode array = JsonPath.using(JSONPATH).parse(decoded).read((String) output.get("mapping"), JsonNode.class);
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : array) {
            ObjectNode row = rows.addObject();
            props.forEach((key, prop) -> row.set(key, JsonPath.using(JSONPATH).parse(element)
                    .read((String) ((Map<String, Object>) prop).get("mapping"), JsonNode.class)));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consumedOperation(Map<String, Object> doc) {
        return firstOperation((List<Object>) ((Map<String, Object>) doc.get("capability")).get("consumes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstOperation(List<Object> blocks) {
        Map<String, Object> block = (Map<String, Object>) blocks.get(0);
        Map<String, Object> resource = (Map<String, Object>) ((List<Object>) block.get("resources")).get(0);
        return (Map<String, Object>) ((List<Object>) resource.get("operations")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixture(String name) {
        String text = new String(Decoding.resource(name), StandardCharsets.UTF_8);
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }
}
