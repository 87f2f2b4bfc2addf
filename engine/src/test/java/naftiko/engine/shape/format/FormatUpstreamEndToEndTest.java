package naftiko.engine.shape.format;

import static naftiko.engine.shape.format.Decoding.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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

    private static com.fasterxml.jackson.databind.JsonNode call(String fixture, String namespace, String path,
            String contentType, String sample, String upstreamPath) throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            upstream.answer(new FakeUpstream.Reply(200, contentType, Decoding.resource(sample), Map.of(), 0));
            LoadResult loaded = SpecLoader.load(DIR.resolve(fixture));
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
