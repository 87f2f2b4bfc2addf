package naftiko.rest;

import static naftiko.rest.RestServerTest.assertProblem;
import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Body limits, media types and JSON parsing, before any unit runs. */
class BodyHandlingTest {

    private final ScriptedUnit append = new ScriptedUnit("append", true, ScriptedUnit.ok("x")::invoke);
    private final ScriptedUnit upload = new ScriptedUnit("upload", false, ScriptedUnit.ok("y")::invoke);
    private final TestServer server = new TestServer(null, 64, List.of(
            route("POST", "/runs/{id}/append-log", append),
            route("POST", "/files", upload)));

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        var b = server.request(path).POST(BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return server.send(b.build());
    }

    @Test
    void jsonBodyIsParsedOnceAndRawBytesKept() throws Exception {
        HttpResponse<String> r = post("/runs/r9/append-log", "application/json; charset=utf-8", "{\"entries\":[1]}");
        assertThat(r.statusCode()).isEqualTo(200);
        ScriptedUnit.Call call = append.single();
        assertThat(call.request().jsonBody()).hasToString("{\"entries\":[1]}");
        assertThat(new String(call.request().body(), StandardCharsets.UTF_8)).isEqualTo("{\"entries\":[1]}");
        assertThat(call.request().contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(call.request().pathVariables()).containsEntry("id", "r9");
    }

    @Test
    void plusJsonMediaTypesAreJson() throws Exception {
        post("/runs/r9/append-log", "application/merge-patch+json", "[1,2]");
        assertThat(append.single().request().jsonBody()).hasToString("[1,2]");
    }

    @Test
    void invalidJsonIs400() throws Exception {
        HttpResponse<String> r = post("/runs/r9/append-log", "application/json", "{\"entries\":");
        assertProblem(r, 400, "invalid-json");
        assertThat(append.calls).isEmpty();
        assertProblem(post("/runs/r9/append-log", "application/json", "{} {}"), 400, "invalid-json");
    }

    @Test
    void nonJsonContentTypeForAJsonUnitIs415() throws Exception {
        HttpResponse<String> r = post("/runs/r9/append-log", "application/x-www-form-urlencoded", "entries=1");
        assertProblem(r, 415, "unsupported-media-type");
        assertThat(append.calls).isEmpty();
    }

    @Test
    void missingContentTypeIsReadAsJsonWhenTheUnitTakesJson() throws Exception {
        post("/runs/r9/append-log", null, "{\"a\":1}");
        assertThat(append.single().request().jsonBody()).hasToString("{\"a\":1}");
        assertProblem(post("/runs/r9/append-log", null, "a=1"), 415, "unsupported-media-type");
    }

    @Test
    void nonJsonBodyGoesRawToAUnitThatDoesNotTakeJson() throws Exception {
        post("/files", "text/plain", "hello");
        ScriptedUnit.Call call = upload.single();
        assertThat(new String(call.request().body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(call.request().jsonBody()).isNull();
    }

    @Test
    void emptyJsonBodyIsAbsentNotInvalid() throws Exception {
        HttpResponse<String> r = post("/runs/r9/append-log", "application/json", "");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(append.single().request().jsonBody()).isNull();
    }

    @Test
    void bodyAtTheLimitPassesAndOverTheLimitIs413() throws Exception {
        String atLimit = "[" + "1,".repeat(30) + "11]"; // 64 bytes
        assertThat(atLimit).hasSize(64);
        assertThat(post("/runs/r9/append-log", "application/json", atLimit).statusCode()).isEqualTo(200);
        HttpResponse<String> r = post("/runs/r9/append-log", "application/json", atLimit + " ");
        assertProblem(r, 413, "payload-too-large");
        assertThat(append.calls).hasSize(1);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = ("[" + "1,".repeat(200) + "1]").getBytes(StandardCharsets.UTF_8);
        var publisher = BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)); // no length: chunked
        HttpResponse<String> r = server.send(server.request("/runs/r9/append-log")
                .header("Content-Type", "application/json").POST(publisher).build());
        assertProblem(r, 413, "payload-too-large");
        assertThat(append.calls).isEmpty();
    }
}
