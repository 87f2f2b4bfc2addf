package naftiko.mcp;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.ServeOptions;
import naftiko.mcp.http.StreamableHttpServer;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.methods.Paging;
import naftiko.mcp.session.SessionIds;
import naftiko.mcp.stdio.StdioServer;
import naftiko.mcp.stdio.StdioTaken;

/**
 * Creates the MCP servers (Streamable HTTP on Undertow, or stdio) of a capability.
 *
 * <p>stdio: an exposure declared {@code transport: stdio}, or with {@code --stdio} the first MCP
 * exposure, is served on the process's stdin/stdout. Only one exposure can own stdio; with
 * {@code --stdio} the other HTTP exposures still listen on their ports. While a stdio server runs,
 * {@code System.out} is redirected to stderr so that no stray print can corrupt the protocol stream;
 * at end of input the process exits with status 0 ({@code System.exit}, so shutdown hooks run).
 */
public final class McpServers {
    private McpServers() {}

    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        return create(capability, options, Paging.DEFAULT_PAGE_SIZE);
    }

    public static List<ExposureServer> create(Capability capability, ServeOptions options, int pageSize) {
        List<ExposureServer> servers = new ArrayList<>();
        List<McpEndpoint> endpoints = capability.mcp() == null ? List.of() : capability.mcp();
        McpEndpoint onStdio = stdioEndpoint(endpoints, options.stdio());
        SessionIds ids = SessionIds.fromEnvironment(System.getenv(SessionIds.SECRET_VARIABLE));
        for (McpEndpoint endpoint : endpoints) {
            Dispatcher dispatcher = McpProtocol.dispatcher(endpoint, capability.name(), pageSize);
            if (endpoint == onStdio) {
                servers.add(stdio(endpoint, dispatcher, options));
            } else if (isStdio(endpoint)) {
                servers.add(new StdioTaken(endpoint.namespace(), onStdio.namespace()));
            } else {
                String address = options.addressOverride() != null ? options.addressOverride()
                        : endpoint.address() != null ? endpoint.address() : "127.0.0.1";
                int port = options.portFor(endpoint.namespace(), endpoint.port() == null ? 0 : endpoint.port());
                servers.add(new StreamableHttpServer(endpoint, address, port, dispatcher, ids, options.maxBodyBytes()));
            }
        }
        return servers;
    }

    /** An empty Streamable HTTP server for {@code address:port}, shared by exposures through {@code mount}. */
    public static StreamableHttpServer shared(String address, int port, ServeOptions options) {
        return new StreamableHttpServer(address, port, SessionIds.fromEnvironment(System.getenv(SessionIds.SECRET_VARIABLE)),
                options.maxBodyBytes(), Paging.DEFAULT_PAGE_SIZE);
    }

    /** Where an HTTP exposure asks to listen, with {@code --address} and {@code --port} applied. */
    public static String addressOf(McpEndpoint endpoint, ServeOptions options) {
        return options.addressOverride() != null ? options.addressOverride()
                : endpoint.address() != null && !endpoint.address().isBlank() ? endpoint.address() : "127.0.0.1";
    }

    /** True for an exposure declared {@code transport: stdio}. */
    public static boolean isStdio(McpEndpoint endpoint) {
        return "stdio".equalsIgnoreCase(endpoint.transport());
    }

    private static McpEndpoint stdioEndpoint(List<McpEndpoint> endpoints, boolean forced) {
        for (McpEndpoint e : endpoints) if (isStdio(e)) return e;
        return forced && !endpoints.isEmpty() ? endpoints.get(0) : null;
    }

    private static ExposureServer stdio(McpEndpoint endpoint, Dispatcher dispatcher, ServeOptions options) {
        // The real stdout, captured before System.out is pointed at stderr.
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        return new StdioServer(endpoint, dispatcher, new FileInputStream(FileDescriptor.in), stdout,
                () -> System.exit(0), options.shutdownGrace());
    }
}
