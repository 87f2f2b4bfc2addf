package naftiko.mcp;

import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;

/** Creates the MCP servers (Streamable HTTP on Undertow, or stdio) of a capability. */
public final class McpServers {
    private McpServers() {}

    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        throw new UnsupportedOperationException("MCP adapter not written yet");
    }
}
