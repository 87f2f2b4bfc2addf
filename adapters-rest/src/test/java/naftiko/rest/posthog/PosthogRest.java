package naftiko.rest.posthog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import naftiko.rest.RestServer;
import naftiko.rest.RestServers;

/**
 * The bundled {@code capabilities/posthog-task-runs.yaml}, loaded and planned by the real engine,
 * its REST exposure served on 127.0.0.1 and an ephemeral port, pointed at a given upstream.
 */
final class PosthogRest implements AutoCloseable {

    static final String API_KEY = "phx_test_key";
    static final String PREFIX = "/v1/api/projects/42/tasks/t1/runs";
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final RestServer server;

    PosthogRest(String upstreamBaseUri, Duration requestTimeout) {
        LoadResult loaded = SpecLoader.load(capabilityFile());
        if (loaded.hasErrors(false)) throw new AssertionError("capability does not load: " + loaded.diagnostics());
        EngineOptions engine = new EngineOptions(Map.of("POSTHOG_API_KEY", API_KEY), Map.of(),
                Map.of("posthog-task-runs", upstreamBaseUri), false, Duration.ofSeconds(2), requestTimeout);
        Capability capability = CapabilityPlanner.plan(loaded.spec(), engine);
        ServeOptions serve = new ServeOptions("127.0.0.1", Map.of("posthog-task-runs-rest", 0),
                ServeOptions.DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(2));
        List<ExposureServer> servers = RestServers.create(capability, serve);
        if (servers.size() != 1) throw new AssertionError("expected one REST exposure, got " + servers.size());
        server = (RestServer) servers.get(0);
        server.start();
    }

    static Path capabilityFile() {
        String root = System.getProperty("naftiko.repo.root", "..");
        return Path.of(root, "capabilities", "posthog-task-runs.yaml");
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) throws Exception {
        HttpRequest.Builder b = request(pathAndQuery).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
    }
}
