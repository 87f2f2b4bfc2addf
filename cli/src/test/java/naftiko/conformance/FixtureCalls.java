package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import naftiko.engine.spec.model.Consumes;
import naftiko.engine.testing.FakeUpstream;

/** One corpus fixture served with every consumed namespace redirected to one recording fake upstream. */
final class FixtureCalls implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final FakeUpstream upstream = new FakeUpstream();
    final Served served;

    FixtureCalls(String document) {
        Served s = null;
        try {
            var spec = Served.load(Corpus.file(document)).spec();
            Map<String, String> redirect = new java.util.HashMap<>();
            for (Consumes c : spec.capability().consumes()) redirect.put(c.namespace(), upstream.baseUri());
            s = Served.start(Corpus.file(document), redirect);
        } finally {
            if (s == null) upstream.close();
        }
        served = s;
    }

    HttpResponse<String> rest(String namespace, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.url(namespace) + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 200 answer. */
    String restOk(String namespace, String method, String path, String body, String... headers) throws Exception {
        HttpResponse<String> r = rest(namespace, method, path, body, headers);
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** The text content of a successful tool call. */
    String tool(String namespace, String tool, Map<String, ?> arguments) throws Exception {
        JsonNode result = served.mcp(namespace).callTool(tool, arguments);
        assertThat(result.get("isError").asBoolean()).as("%s → %s", tool, result).isFalse();
        return result.at("/content/0/text").asText();
    }

    /** {@code METHOD path?query} of every upstream request so far, then forgets them. */
    java.util.List<String> take() {
        var out = upstream.requests().stream().map(r -> r.method() + " " + r.target()).toList();
        upstream.clear();
        return out;
    }

    @Override
    public void close() {
        served.close();
        upstream.close();
    }
}
