package naftiko.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.ControlEndpoint;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control server alone: readiness follows what is published, flags and authentication from the file. */
class ControlServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(ControlServer s, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.url() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Capability plan(Path dir, String control, Map<String, String> env) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                naftiko: 1.0.0-alpha2
                info:
                  label: Control demo
                  description: A capability with a control port
                binds:
                - namespace: env
                  keys:
                    CONTROL_TOKEN: CONTROL_TOKEN
                capability:
                  consumes:
                  - type: http
                    namespace: up
                    baseUri: http://127.0.0.1:1
                    resources:
                    - name: things
                      path: /things
                      operations:
                      - name: list-things
                        method: GET
                  exposes:
                  - type: rest
                    namespace: api
                    port: 8080
                    resources:
                    - path: /things
                      operations:
                      - method: GET
                        name: list
                        call: up.list-things
                """ + control);
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as(loaded.diagnostics(false).toString()).isFalse();
        return CapabilityPlanner.plan(loaded.spec(), new EngineOptions(env, Map.of(), Map.of(), false,
                Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void readyIs503UntilEveryCapabilityIsMounted(@TempDir Path dir) throws Exception {
        Capability c = plan(dir, "", Map.of("CONTROL_TOKEN", "t"));
        ControlServer server = new ControlServer(ControlEndpoint.ofFlags(null, 0), new PrometheusMetrics());
        server.start();
        try {
            HttpResponse<String> before = get(server, "/health/ready");
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(before.body()).get("status").asText()).isEqualTo("STARTING");
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);

            server.publish(new ControlState(List.of(new ControlState.Mounted(c, "c.yaml",
                    List.of(new ControlState.Exposure("rest", "api", null, false)))), Instant.now(), List.of()));
            HttpResponse<String> starting = get(server, "/health/ready");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(starting.body())).isEqualTo(JSON.readTree("{\"status\":\"DEGRADED\",\"adapters\":"
                    + "[{\"capability\":\"Control demo\",\"type\":\"rest\",\"namespace\":\"api\",\"state\":\"stopped\"}]}"));

            server.publish(new ControlState(List.of(new ControlState.Mounted(c, "c.yaml",
                    List.of(new ControlState.Exposure("rest", "api", "http://127.0.0.1:8080", true)))),
                    Instant.parse("2026-12-04T17:00:00Z"), List.of("c.yaml:3:1: warning: something")));
            HttpResponse<String> ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("UP");

            var status = JSON.readTree(get(server, "/status").body());
            assertThat(status.get("lastReload").asText()).isEqualTo("2026-12-04T17:00:00Z");
            assertThat(status.get("diagnostics").get(0).asText()).isEqualTo("c.yaml:3:1: warning: something");
            assertThat(status.at("/capabilities/0/exposures/0/routes/0").toString()).isEqualTo(
                    "{\"method\":\"GET\",\"path\":\"/things\",\"unit\":\"list\",\"target\":\"up.list-things\"}");

            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/health/live"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(get(server, "/nothing").statusCode()).isEqualTo(404);
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void fileDeclaredControlHonoursManagementObservabilityAndAuthentication(@TempDir Path dir) throws Exception {
        Capability c = plan(dir, """
                  - type: control
                    port: 9091
                    authentication:
                      type: bearer
                      token: '{{CONTROL_TOKEN}}'
                    management:
                      health: true
                      info: false
                    observability:
                      metrics:
                        local:
                          enabled: false
                """, Map.of("CONTROL_TOKEN", "s3cret-token"));
        ControlEndpoint e = c.controlEndpoint();
        assertThat(e.address()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(9091);
        e = new ControlEndpoint(e.address(), 0, e.auth(), e.health(), e.info(), e.metrics(), e.pos()); // a free port
        assertThat(e.health()).isTrue();
        assertThat(e.info()).isFalse();
        assertThat(e.metrics()).isFalse();
        ControlServer server = new ControlServer(e, new PrometheusMetrics());
        server.start();
        try {
            HttpResponse<String> anonymous = get(server, "/health/live");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("www-authenticate")).isPresent();
            assertThat(anonymous.body()).doesNotContain("s3cret-token");
            assertThat(get(server, "/health/live", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(get(server, "/health/live", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(200);
            assertThat(get(server, "/status", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(404);
            assertThat(get(server, "/metrics", "Authorization", "Bearer s3cret-token").statusCode()).isEqualTo(404);
            assertThat(server.describe()).containsExactly("control " + server.url() + " /health/live /health/ready");
        } finally {
            server.stop(Duration.ZERO);
        }
    }

    @Test
    void observabilityDisabledTurnsMetricsOffAndInfoTrueTurnsStatusOn(@TempDir Path dir) throws Exception {
        ControlEndpoint e = plan(dir, """
                  - type: control
                    port: 9091
                    management:
                      health: false
                      info: true
                    observability:
                      enabled: false
                """, Map.of("CONTROL_TOKEN", "t")).controlEndpoint();
        assertThat(e.health()).isFalse();
        assertThat(e.info()).isTrue();
        assertThat(e.metrics()).isFalse();
        assertThat(e.auth()).isNull();
    }
}
