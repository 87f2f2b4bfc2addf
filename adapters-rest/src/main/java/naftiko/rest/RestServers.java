package naftiko.rest;

import java.util.List;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;

/** Creates one Undertow server per REST exposure of a capability. */
public final class RestServers {
    private RestServers() {}

    public static List<ExposureServer> create(Capability capability, ServeOptions options) {
        throw new UnsupportedOperationException("REST adapter not written yet");
    }
}
