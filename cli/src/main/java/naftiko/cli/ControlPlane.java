package naftiko.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import naftiko.control.ControlServer;
import naftiko.control.ControlState;
import naftiko.control.PrometheusMetrics;
import naftiko.engine.observe.Metrics;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ControlEndpoint;

/**
 * The control port of one {@code naftiko run}: {@code --control-port} wins, else the first
 * capability declaring {@code exposes: type: control}. The Prometheus recorder exists from the
 * start, because units and upstream calls resolve their probes when they are planned.
 */
final class ControlPlane implements AutoCloseable {

    private final Integer flagPort;
    private final String flagAddress;
    private final PrometheusMetrics metrics = new PrometheusMetrics();
    private ControlServer server;

    ControlPlane(Integer flagPort, String flagAddress) {
        this.flagPort = flagPort;
        this.flagAddress = flagAddress;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The control server's port once started, else -1. */
    int port() {
        return server == null ? -1 : server.port();
    }

    /**
     * Starts the control server when one is asked for; returns its start-up line (empty when off).
     *
     * @throws IllegalStateException with a one-line message when the port cannot be bound
     */
    List<String> start(List<Capability> capabilities, PrintStream err) {
        ControlEndpoint endpoint = null;
        if (flagPort != null) {
            endpoint = ControlEndpoint.ofFlags(flagAddress, flagPort);
        } else {
            for (Capability c : capabilities) {
                ControlEndpoint e = c.controlEndpoint();
                if (e == null) continue;
                if (endpoint == null) {
                    endpoint = flagAddress == null ? e : new ControlEndpoint(flagAddress, e.port(), e.auth(), e.health(),
                            e.info(), e.metrics(), e.pos());
                } else if (e.port() != endpoint.port()) {
                    err.println("naftiko run: " + e.pos() + ": a second control exposure (port " + e.port()
                            + ") is ignored; one control port serves every capability (port " + endpoint.port() + ")");
                }
            }
        }
        if (endpoint == null) return List.of();
        server = new ControlServer(endpoint, metrics);
        server.start();
        return server.describe();
    }

    /** What {@code /health/ready} and {@code /status} report from now on. */
    void publish(List<ControlState.Mounted> mounted, List<String> diagnostics) {
        if (server != null) server.publish(new ControlState(List.copyOf(mounted), Instant.now(), List.copyOf(diagnostics)));
    }

    @Override
    public void close() {
        if (server != null) server.stop(java.time.Duration.ZERO);
    }
}
