package naftiko.rest.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skill catalog over a real socket, from the skill fixture and tutorial steps 7 and 8. */
class SkillServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ExposureServer> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        started.forEach(s -> s.stop(Duration.ZERO));
    }

    static Path resource(String name) {
        try {
            return Path.of(SkillServerTest.class.getResource("/skill/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private SkillServer serve(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as("%s", loaded.diagnostics()).isFalse();
        Capability capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(Map.of(), Map.of(), Map.of(),
                true, EngineOptions.DEFAULT_CONNECT_TIMEOUT, EngineOptions.DEFAULT_REQUEST_TIMEOUT));
        Map<String, Integer> ports = new TreeMap<>();
        capability.skills().forEach(s -> ports.put(s.namespace(), 0));
        ServeOptions options = new ServeOptions("127.0.0.1", ports, ServeOptions.DEFAULT_MAX_BODY_BYTES, false,
                Duration.ofSeconds(1));
        List<ExposureServer> servers = SkillServers.create(capability, options);
        assertThat(servers).hasSize(1);
        SkillServer server = (SkillServer) servers.get(0);
        server.start();
        started.add(server);
        return server;
    }

    private HttpResponse<byte[]> get(SkillServer server, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The skill fixture, its location redirected to a temporary directory holding two files. */
    private Path fixtureWithDirectory() throws IOException {
        Path dir = tmp.resolve("order-management");
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("SKILL.md"), "# Orders\n");
        Files.writeString(dir.resolve("order-guide.md"), "Use list-orders.\n");
        Files.writeString(dir.resolve("docs/notes.txt"), "notes");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        String text = Files.readString(resource("skill-capability.yaml"))
                .replace("file:///tmp/naftiko-test-skills/order-management", dir.toUri().toString());
        Path file = tmp.resolve("skill-capability.yaml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void listsSkillsWithTheirToolNames() throws Exception {
        SkillServer server = serve(resource("skill-capability.yaml"));
        HttpResponse<byte[]> r = get(server, "/skills");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(json(r)).isEqualTo(JSON.readTree("""
                {"count":2,"skills":[
                  {"name":"order-management","description":"Tools for managing orders","tools":["list-orders","order-guide"]},
                  {"name":"onboarding-guide","description":"A purely descriptive skill with no tools","tools":[]}]}
                """));
        assertThat(server.describe()).singleElement().asString().contains("/skills").contains("2 skills");
    }

    @Test
    void describesOneSkillWithInvocationRefsAndInstructions() throws Exception {
        SkillServer server = serve(resource("skill-capability.yaml"));
        JsonNode skill = json(get(server, "/skills/order-management"));
        assertThat(skill.get("allowed-tools").asText()).isEqualTo("list-orders");
        assertThat(skill.get("argument-hint").asText()).isEqualTo("Use for order operations");
        assertThat(skill.get("user-invocable").asBoolean()).isTrue();
        assertThat(skill.get("disable-model-invocation").asBoolean()).isFalse();
        assertThat(skill.get("tools")).isEqualTo(JSON.readTree("""
                [{"name":"list-orders","description":"List all orders in the system","type":"derived",
                  "invocationRef":{"targetNamespace":"orders-rest","action":"list-orders","mode":"rest"}},
                 {"name":"order-guide","description":"Guide for working with orders","type":"instruction",
                  "instruction":"order-guide.md"}]
                """));
        HttpResponse<byte[]> unknown = get(server, "/skills/nope");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(json(unknown).get("detail").asText()).contains("nope");
    }

    @Test
    void contentsWithoutDirectoryAre404() throws Exception {
        SkillServer server = serve(resource("skill-capability.yaml"));
        assertThat(get(server, "/skills/onboarding-guide/contents").statusCode()).isEqualTo(404);
        assertThat(get(server, "/skills/onboarding-guide/download").statusCode()).isEqualTo(404);
    }

    @Test
    void listsAndServesFilesOfTheLocation() throws Exception {
        SkillServer server = serve(fixtureWithDirectory());
        assertThat(json(get(server, "/skills/order-management/contents"))).isEqualTo(JSON.readTree("""
                {"name":"order-management","files":[
                  {"path":"SKILL.md","size":9,"type":"text/markdown"},
                  {"path":"docs/notes.txt","size":5,"type":"text/plain"},
                  {"path":"order-guide.md","size":17,"type":"text/markdown"}]}
                """));
        HttpResponse<byte[]> nested = get(server, "/skills/order-management/contents/docs/notes.txt");
        assertThat(nested.statusCode()).isEqualTo(200);
        assertThat(nested.headers().firstValue("content-type")).hasValue("text/plain");
        assertThat(new String(nested.body(), StandardCharsets.UTF_8)).isEqualTo("notes");
        assertThat(get(server, "/skills/order-management/contents/missing.md").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesPathsThatLeaveTheDirectory() throws Exception {
        SkillServer server = serve(fixtureWithDirectory());
        for (String path : List.of("/skills/order-management/contents/%2e%2e/secret.txt",
                "/skills/order-management/contents/docs/%2E%2E/%2e%2e/secret.txt",
                "/skills/order-management/contents/..%2Fsecret.txt",
                "/skills/order-management/contents/docs%5C..%5C..%5Csecret.txt",
                "/skills/order-management/contents/%00")) {
            HttpResponse<byte[]> r = get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("outside");
        }
    }

    @Test
    void refusesSymbolicLinksLeadingOutside() throws Exception {
        Path file = fixtureWithDirectory();
        Files.createSymbolicLink(tmp.resolve("order-management/escape.txt"), tmp.resolve("secret.txt"));
        SkillServer server = serve(file);
        assertThat(get(server, "/skills/order-management/contents/escape.txt").statusCode()).isEqualTo(404);
        assertThat(json(get(server, "/skills/order-management/contents")).toString()).doesNotContain("escape");
    }

    @Test
    void downloadsTheDirectoryAsZip() throws Exception {
        SkillServer server = serve(fixtureWithDirectory());
        HttpResponse<byte[]> r = get(server, "/skills/order-management/download");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/zip");
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries).containsExactly(Map.entry("SKILL.md", "# Orders\n"), Map.entry("docs/notes.txt", "notes"),
                Map.entry("order-guide.md", "Use list-orders.\n"));
    }

    @Test
    void isReadOnly() throws Exception {
        SkillServer server = serve(resource("skill-capability.yaml"));
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/skills"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
        assertThat(get(server, "/other").statusCode()).isEqualTo(404);
    }

    @Test
    void tutorialStep7LinksItsToolsToTheMcpExposure() throws Exception {
        SkillServer server = serve(resource("tutorial/step-7-shipyard-orchestrated-lookup.yml"));
        JsonNode list = json(get(server, "/skills"));
        assertThat(list.get("count").asInt()).isEqualTo(2);
        JsonNode fleet = json(get(server, "/skills/fleet-ops"));
        assertThat(fleet.get("tools").findValuesAsText("mode")).containsOnly("mcp");
        assertThat(fleet.at("/tools/3/invocationRef")).isEqualTo(JSON.readTree(
                "{\"targetNamespace\":\"shipyard-tools\",\"action\":\"get-ship-with-crew\",\"mode\":\"mcp\"}"));
    }

    @Test
    void tutorialStep8GroupsMcpToolsIntoTwoSkills() throws Exception {
        SkillServer server = serve(resource("tutorial/step-8-shipyard-skill-groups.yml"));
        JsonNode list = json(get(server, "/skills"));
        assertThat(list.findValuesAsText("name")).containsExactly("fleet-ops", "voyage-ops");
        assertThat(list.at("/skills/1/tools")).isEqualTo(JSON.readTree("[\"create-voyage\"]"));
        JsonNode voyage = json(get(server, "/skills/voyage-ops"));
        assertThat(voyage.at("/tools/0/invocationRef/mode").asText()).isEqualTo("mcp");
    }

    @Test
    void refusesAuthenticationItCannotEnforce() throws IOException {
        Path file = tmp.resolve("auth.yaml");
        Files.writeString(file, Files.readString(resource("skill-capability.yaml")).replace(
                "      namespace: \"orders-skills\"\n",
                "      namespace: \"orders-skills\"\n      authentication:\n        type: bearer\n        token: x\n"));
        LoadResult loaded = SpecLoader.load(file);
        Capability capability = CapabilityPlanner.plan(loaded.spec(), new EngineOptions(Map.of(), Map.of(), Map.of(),
                true, EngineOptions.DEFAULT_CONNECT_TIMEOUT, EngineOptions.DEFAULT_REQUEST_TIMEOUT));
        assertThatThrownBy(() -> SkillServers.create(capability, ServeOptions.defaults()))
                .hasMessageContaining("orders-skills").hasMessageContaining("authentication");
    }
}
