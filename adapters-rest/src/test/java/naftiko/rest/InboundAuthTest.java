package naftiko.rest;

import static naftiko.rest.RestServerTest.assertProblem;
import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.Authentication;
import org.junit.jupiter.api.Test;

/** The exposure's authentication guards every route; the credential never reaches the unit. */
class InboundAuthTest {

    private final ScriptedUnit list = ScriptedUnit.ok("list");

    private static InboundAuth auth(String type, String token, String user, String pass, String key, String value,
                                    String placement) {
        Authentication a = new Authentication(type, user, pass, token, key, value, placement,
                null, null, null, null, null, null, null);
        Map<String, String> vars = Map.of("TOKEN", "s3cret");
        return InboundAuth.of(a, t -> t == null ? null : t.replace("{{TOKEN}}", vars.get("TOKEN")), "test-rest");
    }

    private TestServer serve(InboundAuth auth) {
        return new TestServer(auth, ServeOptions.DEFAULT_MAX_BODY_BYTES, List.of(route("GET", "/runs", list)));
    }

    @Test
    void bearerRejectsMissingAndWrongTokensAndStripsTheGoodOne() throws Exception {
        try (TestServer s = serve(auth("bearer", "{{TOKEN}}", null, null, null, null, null))) {
            HttpResponse<String> missing = s.send("GET", "/runs");
            assertProblem(missing, 401, "unauthorized");
            assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"test-rest\"");
            assertProblem(s.send(s.request("/runs").header("Authorization", "Bearer nope").GET().build()),
                    401, "unauthorized");
            assertProblem(s.send("GET", "/unknown"), 401, "unauthorized"); // auth before routing
            assertThat(list.calls).isEmpty();

            HttpResponse<String> ok = s.send(s.request("/runs").header("Authorization", "Bearer s3cret")
                    .header("X-Other", "kept").GET().build());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(list.single().request().headers()).doesNotContainKey("authorization").containsKey("x-other");
        }
    }

    @Test
    void apiKeyInHeaderIsCheckedCaseInsensitivelyAndStripped() throws Exception {
        try (TestServer s = serve(auth("apikey", null, null, null, "X-API-Key", "{{TOKEN}}", "header"))) {
            HttpResponse<String> missing = s.send("GET", "/runs");
            assertProblem(missing, 401, "unauthorized");
            assertThat(missing.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("ApiKey"));
            assertThat(s.send(s.request("/runs").header("x-api-key", "s3cret").GET().build()).statusCode()).isEqualTo(200);
            assertThat(list.single().request().headers()).doesNotContainKey("x-api-key");
        }
    }

    @Test
    void apiKeyInQueryIsStrippedFromParsedAndRawQuery() throws Exception {
        try (TestServer s = serve(auth("apikey", null, null, null, "api_key", "{{TOKEN}}", "query"))) {
            assertProblem(s.send("GET", "/runs?api_key=wrong&limit=5"), 401, "unauthorized");
            assertThat(s.send("GET", "/runs?limit=5&api_key=s3cret&offset=2").statusCode()).isEqualTo(200);
            var request = list.single().request();
            assertThat(request.query()).containsOnlyKeys("limit", "offset");
            assertThat(request.rawQuery()).isEqualTo("limit=5&offset=2");
        }
    }

    @Test
    void basicChecksUserAndPassword() throws Exception {
        try (TestServer s = serve(auth("basic", null, "ops", "{{TOKEN}}", null, null, null))) {
            String good = Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
            String bad = Base64.getEncoder().encodeToString("ops:guess".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> wrong = s.send(s.request("/runs").header("Authorization", "Basic " + bad).GET().build());
            assertProblem(wrong, 401, "unauthorized");
            assertThat(wrong.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"test-rest\", charset=\"UTF-8\"");
            assertThat(s.send(s.request("/runs").header("Authorization", "Basic " + good).GET().build()).statusCode())
                    .isEqualTo(200);
            assertThat(list.single().request().headers()).doesNotContainKey("authorization");
        }
    }
}
