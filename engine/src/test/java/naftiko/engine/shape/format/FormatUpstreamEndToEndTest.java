package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.InboundRequest;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.RestEndpoint.RestRoute;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.FakeUpstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats/* fixtures run for real: loaded, planned with their consumed namespace pointed at a
 * local fake upstream that answers in the declared format, and their REST operation invoked. The
 * client gets the mapped JSON; the upstream got the request the fixture describes (consumed paths
 * written without a leading {@code /} are joined to the base URI with one).
 */
class FormatUpstreamEndToEndTest {
    private static final Path DIR = Path.of("src/test/resources/formats");
    private static final String USERS = "[{'id':'u-1','name':'Ada Lovelace','email':'ada@example.org'},"
            + "{'id':'u-2','name':'Grace Hopper','email':'grace@example.org'}]";

    @Test
    void xmlUpstream() throws Exception {
        assertThat(call("xml-capability.yaml", "mock-xml", "/xml/users", "application/xml", "users.xml", "/api/users"))
                .isEqualTo(json(USERS));
    }

    @Test
    void csvUpstream() throws Exception {
        assertThat(call("csv-capability.yaml", "mock-csv", "/csv/users", "text/csv", "users.csv", "/api/users"))
                .isEqualTo(json(USERS.replace("'Ada Lovelace'", "'Lovelace, Ada'")));
    }

    @Test
    void yamlUpstream() throws Exception {
        assertThat(call("yaml-capability.yaml", "mock-yaml", "/yaml/users", "application/yaml", "users.yaml", "/api/users"))
                .isEqualTo(json(USERS));
    }

    @Test
    void htmlUpstream() throws Exception {
        assertThat(call("html-capability.yaml", "mock-html", "/html/products", "text/html", "products.html", "/api/products"))
                .isEqualTo(json("[{'name':'Widget','price':'9.99','stock':'12'},"
                        + "{'name':'Gadget (blue)','price':'4.50','stock':'3'}]"));
    }

    @Test
    void markdownUpstream() throws Exception {
        assertThat(call("markdown-capability.yaml", "mock-markdown", "/markdown/features", "text/markdown", "readme.md", "/api/readme"))
                .isEqualTo(json("[{'feature':'CSV upstreams','status':'done'},"
                        + "{'feature':'HTML tables','status':'in progress'}]"));
    }

    @Test
    void avroUpstreamWithSchemaNextToTheCapability(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("records.avsc"), Decoding.resource("records.avsc"));
        Path file = withOutputSchema(dir, "avro-capability.yaml", "outputRawFormat: \"avro\"", "records.avsc");
        org.apache.avro.Schema page = new org.apache.avro.Schema.Parser()
                .parse(new String(Decoding.resource("records.avsc"), StandardCharsets.UTF_8));
        org.apache.avro.Schema item = page.getField("records").schema().getElementType();
        var r = new org.apache.avro.generic.GenericData.Record(item);
        r.put("id", "a1");
        r.put("title", "Avro");
        r.put("description", null);
        var p = new org.apache.avro.generic.GenericData.Record(page);
        p.put("records", List.of(r));
        p.put("total", 1L);
        assertThat(call(file, "mock-avro", "/avro/records", "application/avro", AvroFormatTest.datum(page, p), "/api/records"))
                .isEqualTo(json("[{'id':'a1','title':'Avro','description':null}]"));
    }

    @Test
    void protobufUpstreamWithDescriptorSetNextToTheCapability(@TempDir Path dir) throws Exception {
        ProtoTypes.writeDescriptorSet(dir, "records.desc");
        Path file = withOutputSchema(dir, "proto-capability.yaml", "outputRawFormat: \"protobuf\"",
                "records.desc#test.records.RecordPage");
        byte[] body = ProtobufFormatTest.page("p1", "Proto", "described");
        assertThat(call(file, "mock-proto", "/proto/records", "application/protobuf", body, "/api/records"))
                .isEqualTo(json("[{'id':'p1','title':'Proto','description':'described'}]"));
    }

    /** The fixture copied into {@code dir} with {@code outputSchema} added after its format line. */
    private static Path withOutputSchema(Path dir, String fixture, String formatLine, String schema) throws Exception {
        String text = new String(Decoding.resource(fixture), StandardCharsets.UTF_8);
        int at = text.indexOf(formatLine);
        int lineStart = text.lastIndexOf('\n', at) + 1;
        String indent = text.substring(lineStart, at);
        String patched = text.replace(formatLine, formatLine + "\n" + indent + "outputSchema: \"" + schema + "\"");
        return Files.writeString(dir.resolve(fixture), patched);
    }

    private static com.fasterxml.jackson.databind.JsonNode call(String fixture, String namespace, String path,
            String contentType, String sample, String upstreamPath) throws Exception {
        return call(DIR.resolve(fixture), namespace, path, contentType, Decoding.resource(sample), upstreamPath);
    }

    private static com.fasterxml.jackson.databind.JsonNode call(Path file, String namespace, String path,
            String contentType, byte[] body, String upstreamPath) throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.answer(new FakeUpstream.Reply(200, contentType, body, Map.of(), 0));
            LoadResult loaded = SpecLoader.load(file);
            assertThat(loaded.hasErrors(false)).as(loaded.diagnostics().toString()).isFalse();
            Capability capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(Map.of(), Map.of(),
                    Map.of(namespace, upstream.baseUri()), false, Duration.ofSeconds(2), Duration.ofSeconds(5)));
            RestRoute route = capability.rest().get(0).routes().stream()
                    .filter(r -> r.pathTemplate().equals(path)).findFirst().orElseThrow();
            InboundRequest request = new InboundRequest("GET", path, Map.of(), Map.of(), null, Map.of(), Map.of(),
                    new byte[0], null, null, null);
            Outcome out = route.unit().invoke(Arguments.of(request), new CallContext("t-1", "rest"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(upstream.single().method()).isEqualTo("GET");
            assertThat(upstream.single().path()).isEqualTo(upstreamPath);
            assertThat(out.status()).isEqualTo(200);
            return out.jsonOrNull();
        }
    }
}
