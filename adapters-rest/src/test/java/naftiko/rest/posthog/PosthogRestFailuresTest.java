package naftiko.rest.posthog;

import static naftiko.rest.posthog.PosthogRest.PREFIX;
import static naftiko.rest.posthog.PosthogRestEndToEndTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;

/** Required inputs, upstream errors passed through, unreachable and slow upstreams, the "Must show". */
class PosthogRestFailuresTest {

    @Test
    void mustShowListWithLimit() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            up.answer(Reply.json(200, "{\"count\": 1, \"results\": [{\"id\": \"r9\"}]}"));
            HttpResponse<String> r = rest.send("GET", PREFIX + "?limit=5", null, null);
            assertThat(up.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/?limit=5");
            assertThat(up.single().header("authorization")).isEqualTo("Bearer " + PosthogRest.API_KEY);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"count\": 1, \"results\": [{\"id\": \"r9\"}]}");
        }
    }

    @Test
    void mustShowAppendLogBody() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("POST", PREFIX + "/r9/append-log", "application/json", "{\"entries\":[1]}");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(up.single().method()).isEqualTo("POST");
            assertThat(up.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/r9/append_log/");
            assertThat(up.single().bodyText()).isEqualTo("{\"entries\":[1]}");
        }
    }

    @Test
    void mustShowDeleteIs405WithAllow() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("DELETE", PREFIX + "/r9", null, null);
            problem(r, 405);
            assertThat(r.headers().firstValue("allow")).hasValue("GET, PATCH, HEAD, OPTIONS");
            assertThat(up.requests()).isEmpty();
        }
    }

    @Test
    void requiredBodyMissingIs400NamingIt() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("POST", PREFIX + "/r9/append-log", null, null);
            JsonNode p = problem(r, 400);
            assertThat(p.get("invalidParams").toString()).contains("body");
            assertThat(up.requests()).isEmpty();
        }
    }

    @Test
    void upstream404And500ArePassedThrough() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            up.answer(Reply.json(404, "{\"detail\":\"Not found.\"}"));
            HttpResponse<String> notFound = rest.send("GET", PREFIX + "/missing", null, null);
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(notFound.body()).isEqualTo("{\"detail\":\"Not found.\"}");
            assertThat(notFound.headers().firstValue("content-type")).hasValue("application/json");

            up.answer(Reply.text(500, "text/html", "<h1>Server Error</h1>"));
            HttpResponse<String> broken = rest.send("GET", PREFIX + "/r9/logs", null, null);
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(broken.body()).isEqualTo("<h1>Server Error</h1>");
            assertThat(broken.headers().firstValue("content-type")).hasValue("text/html");
        }
    }

    @Test
    void upstreamDownIs502() throws Exception {
        FakeUpstream up = new FakeUpstream();
        String closed = up.baseUri();
        up.close(); // nothing listens on that port any more
        try (PosthogRest rest = new PosthogRest(closed, Duration.ofSeconds(5))) {
            JsonNode p = problem(rest.send("GET", PREFIX, null, null), 502);
            assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-unreachable");
        }
    }

    @Test
    void upstreamSlowerThanTheTimeoutIs504() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofMillis(300))) {
            up.answer(Reply.json(200, "{}").delayed(3000));
            JsonNode p = problem(rest.send("GET", PREFIX + "/r9", null, null), 504);
            assertThat(p.get("type").asText()).isEqualTo("https://naftiko.dev/problems/upstream-timeout");
        }
    }

    @Test
    void trailingSlashAndHeadWork() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", PREFIX + "/r9/", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(up.single().target()).isEqualTo("/api/projects/42/tasks/t1/runs/r9/");
            up.clear();
            HttpResponse<String> head = rest.send("HEAD", PREFIX + "/r9", null, null);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(up.single().method()).isEqualTo("GET");
        }
    }
}
