package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which control port a run serves: the file's, moved by the flags but still authenticated; else the flags'. */
class ControlPlaneTest {

    private static Capability planned(Path dir, String control) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                naftiko: 1.0.0-alpha2
                info:
                  label: Control demo
                  description: A capability with a control port
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
        return CapabilityPlanner.plan(SpecLoader.load(file).spec(), new EngineOptions(Map.of(),
                Map.of(), Map.of(), false, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    private static int status(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) b.headers(headers);
        return OperateFixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void theFlagMovesTheFilesControlPortButKeepsItsAuthentication(@TempDir Path dir) throws Exception {
        Capability c = planned(dir, """
                  - type: control
                    port: 9091
                    authentication:
                      type: bearer
                      token: tok-123
                """);
        try (ControlPlane plane = new ControlPlane(0, null)) {
            List<String> lines = plane.start(List.of(c), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(lines).containsExactly("control http://127.0.0.1:" + plane.port() + " /health/live /health/ready /metrics");
            assertThat(status(plane.port(), "/health/live")).isEqualTo(401);
            assertThat(status(plane.port(), "/health/live", "Authorization", "Bearer tok-123")).isEqualTo(200);
            assertThat(status(plane.port(), "/status", "Authorization", "Bearer tok-123")).isEqualTo(404); // info: false
        }
    }

    @Test
    void withoutAControlExposureTheFlagServesEverythingOpenly(@TempDir Path dir) throws Exception {
        Capability c = planned(dir, "");
        try (ControlPlane plane = new ControlPlane(0, null)) {
            plane.start(List.of(c), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(status(plane.port(), "/health/live")).isEqualTo(200);
            assertThat(status(plane.port(), "/status")).isEqualTo(200);
            assertThat(status(plane.port(), "/metrics")).isEqualTo(200);
        }
        try (ControlPlane off = new ControlPlane(null, null)) {
            assertThat(off.start(List.of(c), System.err)).isEmpty();
            assertThat(off.port()).isEqualTo(-1);
        }
    }
}
