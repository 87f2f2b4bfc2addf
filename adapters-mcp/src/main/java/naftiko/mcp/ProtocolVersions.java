package naftiko.mcp;

import java.util.List;

/**
 * The MCP revisions this server speaks, newest first. 2024-11-05 is kept because desktop clients
 * and the official SDKs' stdio transports still offer only it; what this server sends is valid for
 * it (clients ignore the fields later revisions added).
 */
public final class ProtocolVersions {
    private ProtocolVersions() {}

    public static final String LATEST = "2025-11-25";
    public static final List<String> SUPPORTED = List.of(LATEST, "2025-06-18", "2025-03-26", "2024-11-05");
    /** What Streamable HTTP assumes when a request carries no MCP-Protocol-Version header. */
    public static final String WITHOUT_HEADER = "2025-03-26";

    public static boolean isSupported(String version) {
        return version != null && SUPPORTED.contains(version);
    }

    /** The client's version when we support it, else our latest (the client then decides). */
    public static String negotiate(String requested) {
        return isSupported(requested) ? requested : LATEST;
    }
}
