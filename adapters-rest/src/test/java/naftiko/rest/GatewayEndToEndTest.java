package naftiko.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward relays behind inbound authentication, with the real loader and engine: the inbound
 * credential (header or query) never reaches the upstream, which gets its own credential instead.
 */
class GatewayEndToEndTest {

    private static final String YAML = """
            naftiko: "1.0.0-alpha2"
            info:
              label: gateway
            binds:
              - namespace: env
                keys:
                  GATEWAY_TOKEN: GATEWAY_TOKEN
                  UPSTREAM_KEY: UPSTREAM_KEY
            capability:
              exposes:
                - type: rest
                  namespace: bearer-gw
                  port: 8080
                  authentication:
                    type: bearer
                    token: "{{GATEWAY_TOKEN}}"
                  resources:
                    - path: /relay/{path}
                      forward:
                        targetNamespace: up
                        trustedHeaders: [X-Trace, Authorization]
                - type: rest
                  namespace: key-gw
                  port: 8081
                  authentication:
                    type: apikey
                    key: api_key
                    value: "{{GATEWAY_TOKEN}}"
                    placement: query
                  resources:
                    - path: /relay/{path}
                      forward:
                        targetNamespace: up
              consumes:
                - type: http
                  namespace: up
                  baseUri: "BASE"
                  authentication:
                    type: bearer
                    token: "{{UPSTREAM_KEY}}"
            """;

    private final HttpClient client = HttpClient.newHttpClient();
    private FakeUpstream upstream;
    private List<ExposureServer> servers;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        upstream = new FakeUpstream();
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, YAML.replace("BASE", upstream.baseUri() + "/base"));
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as(loaded.diagnostics().toString()).isFalse();
        Capability capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(
                Map.of("GATEWAY_TOKEN", "inbound-secret", "UPSTREAM_KEY", "upstream-key"), Map.of(), Map.of(), false,
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
        servers = RestServers.create(capability, new ServeOptions(null, Map.of("bearer-gw", 0, "key-gw", 0),
                ServeOptions.DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(1)));
        servers.forEach(ExposureServer::start);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(Duration.ofSeconds(1)));
        upstream.close();
    }

    private HttpResponse<String> send(int server, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + ((RestServer) servers.get(server)).port() + pathAndQuery)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bearerGatewayRelaysWithTheUpstreamCredentialOnly() throws Exception {
        assertThat(send(0, "/relay/a/b").statusCode()).isEqualTo(401);
        assertThat(upstream.requests()).isEmpty();

        HttpResponse<String> r = send(0, "/relay/files/a%20b/?x=1&y=2",
                "Authorization", "Bearer inbound-secret", "X-Trace", "t-1", "X-Not-Trusted", "no");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");
        Recorded seen = upstream.single();
        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.target()).isEqualTo("/base/files/a%20b/?x=1&y=2");
        assertThat(seen.header("authorization")).isEqualTo("Bearer upstream-key");
        assertThat(seen.header("x-trace")).isEqualTo("t-1");
        assertThat(seen.header("x-not-trusted")).isNull();
        assertThat(seen.headers().toString()).doesNotContain("inbound-secret");
    }

    @Test
    void queryKeyGatewayStripsTheKeyFromTheRelayedQuery() throws Exception {
        assertThat(send(1, "/relay/x?api_key=wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> r = send(1, "/relay/x?limit=5&api_key=inbound-secret&offset=1");
        assertThat(r.statusCode()).isEqualTo(200);
        Recorded seen = upstream.single();
        assertThat(seen.target()).isEqualTo("/base/x?limit=5&offset=1");
        assertThat(seen.header("authorization")).isEqualTo("Bearer upstream-key");
    }
}
