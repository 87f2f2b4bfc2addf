package naftiko.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.RestEndpoint.RestRoute;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.SourcePos;

/** A started RestServer on 127.0.0.1 and an ephemeral port, plus a client aimed at it. */
final class TestServer implements AutoCloseable {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final RestServer server;

    TestServer(InboundAuth auth, long maxBody, List<RestRoute> routes) {
        RestEndpoint endpoint = new RestEndpoint("test-rest", "127.0.0.1", 8080, auth, routes, SourcePos.UNKNOWN);
        ServeOptions options = new ServeOptions(null, Map.of("test-rest", 0), maxBody, false, Duration.ofSeconds(5));
        server = RestServers.create(endpoint, options);
        server.start();
    }

    TestServer(List<RestRoute> routes) {
        this(null, ServeOptions.DEFAULT_MAX_BODY_BYTES, routes);
    }

    static RestRoute route(String method, String path, ScriptedUnit unit) {
        return new RestRoute(path, method, unit, false);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String pathAndQuery) throws Exception {
        return send(request(pathAndQuery).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(2));
    }
}
