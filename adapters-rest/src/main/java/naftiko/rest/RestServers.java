package naftiko.rest;

import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.ServeOptions;

/** Creates one Undertow server per REST exposure of a capability (not started). */
public final class RestServers {
    private RestServers() {}

    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        List<ExposureServer> servers = new ArrayList<>();
        for (RestEndpoint endpoint : capability.rest()) servers.add(create(endpoint, options));
        return servers;
    }

    /** An empty server for {@code address:port}, to be shared by exposures through {@link RestServer#mount}. */
    public static RestServer shared(String address, int port, ServeOptions options) {
        return new RestServer(address, port, options.maxBodyBytes());
    }

    /** Where an exposure asks to listen, with {@code --address} and {@code --port} applied. */
    public static String addressOf(RestEndpoint endpoint, ServeOptions options) {
        return options.addressOverride() != null ? options.addressOverride()
                : endpoint.address() == null || endpoint.address().isBlank() ? "127.0.0.1" : endpoint.address();
    }

    /** The server for one exposure, with the {@code --address} and {@code --port} overrides applied. */
    public static RestServer create(RestEndpoint endpoint, ServeOptions options) {
        String address = options.addressOverride() != null ? options.addressOverride()
                : endpoint.address() == null || endpoint.address().isBlank() ? "127.0.0.1" : endpoint.address();
        int port = options.portFor(endpoint.namespace(), endpoint.port());
        return new RestServer(endpoint, address, port, options.maxBodyBytes());
    }
}
