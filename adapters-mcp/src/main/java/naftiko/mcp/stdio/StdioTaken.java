package naftiko.mcp.stdio;

import java.time.Duration;
import java.util.List;
import naftiko.engine.run.ExposureServer;

/**
 * A second exposure asking for stdio, which another one already owns: it refuses to start with a
 * one-line message, so {@code naftiko run} reports it like a taken port.
 */
public final class StdioTaken implements ExposureServer {

    private final String namespace;
    private final String owner;

    public StdioTaken(String namespace, String owner) {
        this.namespace = namespace;
        this.owner = owner;
    }

    @Override
    public void start() {
        throw new IllegalStateException("MCP " + namespace + ": stdin/stdout already serve MCP exposure '" + owner
                + "'; only one exposure per process can use stdio: give this one transport: http and a port");
    }

    @Override
    public void stop(Duration grace) {
        // never started
    }

    @Override
    public List<String> describe() {
        return List.of();
    }
}
