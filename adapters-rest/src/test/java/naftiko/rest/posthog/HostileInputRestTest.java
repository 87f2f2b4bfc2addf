package naftiko.rest.posthog;

import static naftiko.rest.posthog.PosthogRest.PREFIX;
import static naftiko.rest.posthog.PosthogRestEndToEndTest.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 2 on the bundled capability's REST exposure: path values stay one encoded segment
 * of the configured upstream path, undeclared query and body never travel, redirects are relayed
 * and never followed, oversized requests are refused, and slow clients are cut off.
 */
class HostileInputRestTest {

    private static final String UPSTREAM_RUNS = "/api/projects/42/tasks/t1/runs/";

    /** Sends {@code rawTarget} byte for byte (no client-side normalisation) and returns the status line and whole answer. */
    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String get(int port, String target) throws Exception {
        return raw(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    @Test
    void mustShowEncodedDotDotSlashStaysOneSegment() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", PREFIX + "/..%2F..%2Fadmin", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(up.single().path()).isEqualTo(UPSTREAM_RUNS + "..%2F..%2Fadmin/");
        }
    }

    @Test
    void traversalFormsNeverClimbTheUpstreamPath() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"..", UPSTREAM_RUNS + "%2E%2E/"},
                new String[] {"%2e%2e", UPSTREAM_RUNS + "%2E%2E/"},
                new String[] {"%2E%2E", UPSTREAM_RUNS + "%2E%2E/"},
                new String[] {".%2e", UPSTREAM_RUNS + "%2E%2E/"},
                new String[] {"%252e%252e", UPSTREAM_RUNS + "%252e%252e/"},
                new String[] {"%252e%252e%252fadmin", UPSTREAM_RUNS + "%252e%252e%252fadmin/"},
                new String[] {"..%5C..%5Cadmin", UPSTREAM_RUNS + "..%5C..%5Cadmin/"},
                new String[] {"..\\..\\admin", null}, // a raw backslash is not a valid request target
                new String[] {"%2F%2Fevil.example%2Fadmin", UPSTREAM_RUNS + "%2F%2Fevil.example%2Fadmin/"},
                new String[] {"@evil.example", UPSTREAM_RUNS + "%40evil.example/"},
                new String[] {"a%3Fx%3D1%23frag", UPSTREAM_RUNS + "a%3Fx%3D1%23frag/"},
                new String[] {"%00", UPSTREAM_RUNS + "%00/"});
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            for (String[] c : cases) {
                up.clear();
                String answer = get(rest.server.port(), PREFIX + "/" + c[0]);
                String status = answer.substring(0, answer.indexOf("\r\n"));
                if (c[1] == null) {
                    assertThat(status).as(c[0]).startsWith("HTTP/1.1 400");
                    assertThat(up.requests()).as(c[0]).isEmpty();
                } else {
                    assertThat(status).as(c[0]).isEqualTo("HTTP/1.1 200 OK");
                    assertThat(up.single().path()).as(c[0]).isEqualTo(c[1]);
                }
            }
        }
    }

    @Test
    void anExtraPathSegmentIsNotRouted() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            problem(rest.send("GET", PREFIX + "/r9/../../admin/x/y", null, null), 404);
            problem(rest.send("GET", PREFIX + "/r9/extra/segments/here", null, null), 404);
            assertThat(up.requests()).isEmpty();
        }
    }

    @Test
    void undeclaredQueryParametersAndBodiesAreNotForwarded() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", PREFIX + "?limit=5&admin=true&url=http%3A%2F%2Fevil", null, null);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(up.single().target()).isEqualTo(UPSTREAM_RUNS + "?limit=5");
            assertThat(up.single().body()).isEmpty();
        }
    }

    @Test
    void queryValuesAreEncodedNeverSpliced() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            HttpResponse<String> r = rest.send("GET", PREFIX + "?limit=5%26admin%3Dtrue", null, null);
            if (r.statusCode() == 400) {
                assertThat(up.requests()).isEmpty(); // limit is an integer: refused before anything is sent
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(up.single().rawQuery()).isEqualTo("limit=5%26admin%3Dtrue");
            }
        }
    }

    @Test
    void redirectsToOtherHostsAreNeverFollowed() throws Exception {
        try (FakeUpstream other = new FakeUpstream(); FakeUpstream up = new FakeUpstream();
             PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            up.answer(Reply.json(302, "{}").withHeader("Location", other.baseUri() + "/admin"));
            HttpResponse<String> r = rest.send("GET", PREFIX + "/r9", null, null);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(up.requests()).hasSize(1);
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            String answer;
            try {
                answer = raw(rest.server.port(), "GET " + PREFIX + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                        + "a".repeat(128 * 1024) + "\r\nConnection: close\r\n\r\n");
            } catch (SocketException e) {
                answer = "closed"; // the server hung up before reading everything: refused as well
            }
            assertThat(answer).doesNotStartWith("HTTP/1.1 200");
            assertThat(up.requests()).isEmpty();
        }
    }

    @Test
    void anOversizedBodyIs413() throws Exception {
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5))) {
            String big = "{\"entries\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
            problem(rest.send("POST", PREFIX + "/r9/append-log", "application/json", big), 413);
            assertThat(up.requests()).isEmpty();
        }
    }

    @Test
    void aSlowLorisClientIsCutOff() throws Exception {
        String previous = System.setProperty("naftiko.http.parseTimeoutMs", "1000");
        try (FakeUpstream up = new FakeUpstream(); PosthogRest rest = new PosthogRest(up.baseUri(), Duration.ofSeconds(5));
             Socket s = new Socket("127.0.0.1", rest.server.port())) {
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] head = ("GET " + PREFIX + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200) + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            boolean cut = false;
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (int i = 0; i < head.length && !cut; i++) { // at most ~head.length × 100 ms, bounded
                try {
                    out.write(head[i]);
                    out.flush();
                } catch (SocketException e) {
                    cut = true;
                    break;
                }
                try {
                    int b = in.read();
                    if (b < 0) cut = true;
                    else answer.write(b);
                } catch (SocketTimeoutException e) {
                    // still connected, keep dripping
                } catch (SocketException e) {
                    cut = true;
                }
                Thread.sleep(50);
            }
            assertThat(cut).as("the server closes a connection whose headers never end").isTrue();
            assertThat(up.requests()).isEmpty();
        } finally {
            if (previous == null) System.clearProperty("naftiko.http.parseTimeoutMs");
            else System.setProperty("naftiko.http.parseTimeoutMs", previous);
        }
    }
}
