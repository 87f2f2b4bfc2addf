package naftiko.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 3: representative REST traffic (success, 401, 400, 404, upstream 4xx/5xx, upstream
 * down, circuit open, dry-run, a broken file's diagnostics) with known test secrets in binds and as
 * the inbound bearer token. Every log line (stdout, stderr, java.util.logging) and every response
 * status line, header and body is captured, then searched for the secrets: none may appear.
 */
class SecretLeakTest {

    private static final String INBOUND = "inbound-SECRET-7c1e2a";
    private static final String UPSTREAM_KEY = "upstream-SECRET-93bd40";
    private static final String BASIC_PASSWORD = "basic-SECRET-55aa01";
    private static final List<String> SECRETS = List.of(INBOUND, UPSTREAM_KEY, BASIC_PASSWORD);

    private static final String YAML = """
            naftiko: "1.0.0-alpha2"
            info:
              label: secrets
            binds:
              - namespace: env
                keys:
                  GATEWAY_TOKEN: GATEWAY_TOKEN
                  UPSTREAM_KEY: UPSTREAM_KEY
                  BASIC_PASSWORD: BASIC_PASSWORD
            capability:
              consumes:
                - type: http
                  namespace: up
                  baseUri: "BASE"
                  authentication:
                    type: bearer
                    token: "{{UPSTREAM_KEY}}"
                  resources:
                    - name: items
                      path: /items/{id}
                      operations:
                        - name: get
                          method: GET
                          inputParameters:
                            - name: id
                              in: path
                              type: string
                              required: true
                            - name: X-Key
                              in: header
                              value: "{{BASIC_PASSWORD}}"
                        - name: create
                          method: POST
                          inputParameters:
                            - name: body
                              in: body
                              type: object
                              required: true
              exposes:
                - type: rest
                  namespace: api
                  port: 8080
                  authentication:
                    type: bearer
                    token: "{{GATEWAY_TOKEN}}"
                  resources:
                    - path: /items/{id}
                      operations:
                        - method: GET
                          name: get-item
                          call: up.get
                          with:
                            id: rest.id
                    - path: /items
                      operations:
                        - method: POST
                          name: create-item
                          call: up.create
                          with:
                            body: rest.body
            """;

    private final List<String> captured = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    /** A stream that keeps everything written and still passes it on. */
    private static PrintStream tee(PrintStream original, ByteArrayOutputStream copy) {
        return new PrintStream(new OutputStream() {
            @Override public void write(int b) { copy.write(b); original.write(b); }
            @Override public void write(byte[] b, int off, int len) { copy.write(b, off, len); original.write(b, off, len); }
        }, true, StandardCharsets.UTF_8);
    }

    private static Map<String, String> env() {
        return Map.of("GATEWAY_TOKEN", INBOUND, "UPSTREAM_KEY", UPSTREAM_KEY, "BASIC_PASSWORD", BASIC_PASSWORD,
                "NAFTIKO_UPSTREAM_BREAKER_FAILURES", "2");
    }

    private List<ExposureServer> serve(Path file, boolean dryRun) {
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as(loaded.diagnostics().toString()).isFalse();
        Capability capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(env(), Map.of(), Map.of(), dryRun,
                Duration.ofSeconds(2), Duration.ofSeconds(3)));
        List<ExposureServer> servers = RestServers.create(capability, new ServeOptions(null, Map.of("api", 0),
                ServeOptions.DEFAULT_MAX_BODY_BYTES, false, Duration.ofSeconds(1)));
        servers.forEach(ExposureServer::start);
        return servers;
    }

    private void send(ExposureServer server, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ((RestServer) server).port() + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        captured.add(method + " " + path + " → " + r.statusCode() + " " + r.headers().map() + " " + r.body());
    }

    @Test
    void noSecretInAnyLogLineOrResponse(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> jul = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override public void publish(LogRecord r) {
                jul.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        java.util.logging.Level previousLevel = root.getLevel();
        root.setLevel(java.util.logging.Level.ALL);
        root.addHandler(handler);
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(tee(originalOut, out));
        System.setErr(tee(originalErr, err));
        try (FakeUpstream up = new FakeUpstream()) {
            Path file = dir.resolve("secrets.yaml");
            Files.writeString(file, YAML.replace("BASE", up.baseUri()));
            List<ExposureServer> live = serve(file, false);
            ExposureServer s = live.get(0);
            up.answer(Reply.json(200, "{\"id\":\"1\"}"));
            send(s, "GET", "/items/1", INBOUND, null);                    // success
            send(s, "GET", "/items/1", null, null);                       // 401 no token
            send(s, "GET", "/items/1", INBOUND + "x", null);              // 401 wrong token (contains the secret as prefix)
            send(s, "POST", "/items", INBOUND, null);                     // 400 missing body
            send(s, "POST", "/items", INBOUND, "{not json");              // 400 bad JSON
            send(s, "GET", "/nothing/here", INBOUND, null);               // 404
            send(s, "DELETE", "/items/1", INBOUND, null);                 // 405
            up.answer(Reply.json(403, "{\"detail\":\"forbidden\"}"));
            send(s, "GET", "/items/1", INBOUND, null);                    // upstream 4xx
            up.answer(Reply.text(500, "text/plain", "boom"));
            send(s, "GET", "/items/1", INBOUND, null);                    // upstream 5xx
            up.answer(Reply.json(200, "{}").delayed(5000));
            send(s, "GET", "/items/2", INBOUND, null);                    // upstream timeout
            live.forEach(x -> x.stop(Duration.ofSeconds(1)));

            up.close();                                                    // upstream down
            List<ExposureServer> down = serve(file, false);
            for (int i = 0; i < 3; i++) send(down.get(0), "GET", "/items/1", INBOUND, null); // unreachable, then circuit open
            down.forEach(x -> x.stop(Duration.ofSeconds(1)));

            List<ExposureServer> dry = serve(file, true);                 // dry-run shows the request it would send
            send(dry.get(0), "GET", "/items/1", INBOUND, null);
            send(dry.get(0), "POST", "/items", INBOUND, "{\"a\":1}");
            dry.forEach(x -> x.stop(Duration.ofSeconds(1)));
        } finally {
            naftiko.engine.log.EventLog.flush(); // request lines are written by a background thread
            System.setOut(originalOut);
            System.setErr(originalErr);
            root.removeHandler(handler);
            root.setLevel(previousLevel);
        }
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, YAML.replace("BASE", "http://127.0.0.1:1").replace("type: bearer\n                    token",
                "type: bearer\n                    tokn") + "\n  bad: [" + UPSTREAM_KEY.length());
        LoadResult diagnostics = SpecLoader.load(broken);
        captured.add(diagnostics.diagnostics().toString());

        String everything = String.join("\n", captured) + "\n" + out.toString(StandardCharsets.UTF_8) + "\n"
                + err.toString(StandardCharsets.UTF_8) + "\n" + String.join("\n", jul);
        assertThat(captured).as("traffic was produced").hasSizeGreaterThan(15);
        assertThat(everything).as("the dry-run answered with the request").contains("/items/1");
        for (String secret : SECRETS) {
            assertThat(everything).as("secret " + secret.substring(0, 8) + "… leaked").doesNotContain(secret);
        }
    }
}
