package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.mcp.McpServers;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.rest.RestServer;
import naftiko.rest.RestServers;
import naftiko.rest.skill.SkillServer;
import naftiko.rest.skill.SkillServers;

/**
 * A capability file loaded, planned and served as {@code naftiko run} does, every exposure on an
 * ephemeral port of 127.0.0.1, upstream base URIs optionally redirected to a fake upstream.
 */
final class Served implements AutoCloseable {

    final Capability capability;
    final Map<String, String> urls = new LinkedHashMap<>();
    private final List<ExposureServer> servers = new ArrayList<>();

    private Served(Capability capability) {
        this.capability = capability;
    }

    static LoadResult load(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        assertThat(loaded.hasErrors(false)).as("load diagnostics of %s: %s", file, loaded.diagnostics()).isFalse();
        return loaded;
    }

    static Capability plan(Path file, Map<String, String> baseUris) {
        return CapabilityPlanner.plan(load(file).spec(), new EngineOptions(Map.of(), Map.of(), baseUris, false,
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    static Served start(Path file, Map<String, String> baseUris) {
        return start(plan(file, baseUris));
    }

    static Served start(Capability capability) {
        Served served = new Served(capability);
        Map<String, Integer> ports = new LinkedHashMap<>();
        capability.rest().forEach(r -> ports.put(r.namespace(), 0));
        capability.mcp().forEach(m -> ports.put(m.namespace(), 0));
        capability.skills().forEach(s -> ports.put(s.namespace(), 0));
        ServeOptions options = new ServeOptions("127.0.0.1", ports, ServeOptions.DEFAULT_MAX_BODY_BYTES, false,
                Duration.ZERO);
        List<ExposureServer> all = new ArrayList<>(RestServers.create(capability, options));
        all.addAll(McpServers.create(capability, options).stream().filter(s -> s instanceof StreamableHttpServer).toList());
        all.addAll(SkillServers.create(capability, options));
        try {
            for (ExposureServer s : all) {
                s.start();
                served.servers.add(s);
                if (s instanceof RestServer r) served.urls.put(r.namespace(), r.url());
                else if (s instanceof StreamableHttpServer m) served.urls.put(namespaceOf(capability, m), m.url());
                else if (s instanceof SkillServer k) served.urls.put(k.namespace(), k.url());
            }
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
        return served;
    }

    private static String namespaceOf(Capability capability, StreamableHttpServer server) {
        return capability.mcp().stream().filter(m -> server.describe().get(0).startsWith("MCP " + m.namespace() + " "))
                .findFirst().orElseThrow().namespace();
    }

    String url(String namespace) {
        String url = urls.get(namespace);
        assertThat(url).as("exposure %s is served", namespace).isNotNull();
        return url;
    }

    McpClient mcp(String namespace) {
        return new McpClient(url(namespace));
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(Duration.ZERO));
    }
}
