package naftiko.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import naftiko.cli.run.CapabilityLoad;
import naftiko.cli.run.Fleet;
import naftiko.control.ControlServer;
import naftiko.engine.observe.Metrics;
import naftiko.engine.run.Capability;
import naftiko.engine.run.ControlEndpoint;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.spec.Diagnostic;

/**
 * The control port of one {@code naftiko run}: the first capability declaring {@code exposes: type: control}
 * (its port and address moved by {@code --control-port} / {@code --control-address}; its authentication and
 * management flags kept), else {@code --control-port} alone with every endpoint on. Units and upstream calls resolve
 * their probes when they are planned, before the port is chosen: {@link DeferredMetrics} holds them until then, and the
 * Prometheus recorder is only created when {@code /metrics} is served.
 */
final class ControlPlane implements AutoCloseable {

    private final Integer flagPort;
    private final String flagAddress;
    private final DeferredMetrics metrics = new DeferredMetrics();
    private final Map<Path, String> sources = new ConcurrentHashMap<>();
    /** The latest diagnostics of each file (start-up, then each reload), formatted when /status asks. */
    private final Map<Path, Found> diagnostics = new ConcurrentHashMap<>();
    private volatile List<String> fleetDiagnostics = List.of();
    private volatile Instant lastReload = Instant.now();
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

    /** How {@code /status} names a file (a bundled capability's temporary copy is {@code bundled:NAME}). */
    void source(Path file, String label) {
        sources.put(file, label);
    }

    /**
     * Starts the control server when one is asked for; returns its start-up line (empty when off).
     *
     * @throws IllegalStateException with a one-line message when the port cannot be bound
     */
    List<String> start(List<Capability> capabilities, PrintStream err) {
        ControlEndpoint endpoint = null;
        for (Capability c : capabilities) {
            ControlEndpoint e = c.controlEndpoint();
            if (e == null) continue;
            if (endpoint == null) {
                endpoint = e;
            } else if (e.port() != endpoint.port()) {
                err.println("naftiko run: " + e.pos() + ": a second control exposure (port " + e.port()
                        + ") is ignored; one control port serves every capability (port " + endpoint.port() + ")");
            }
        }
        if (endpoint == null && flagPort != null) {
            endpoint = ControlEndpoint.ofFlags(flagAddress, flagPort);
        } else if (endpoint != null && (flagPort != null || flagAddress != null)) {
            // the flags move the file's control port; its authentication and management flags still apply
            endpoint = new ControlEndpoint(flagAddress != null ? flagAddress : endpoint.address(),
                    flagPort != null ? flagPort : endpoint.port(), endpoint.auth(), endpoint.health(), endpoint.info(),
                    endpoint.metrics(), endpoint.pos());
        }
        if (endpoint == null || !endpoint.metrics()) metrics.off();
        if (endpoint == null) return List.of();
        server = new ControlServer(endpoint, endpoint.metrics() ? metrics.serve() : null);
        server.start();
        return server.describe();
    }

    /** From now on, readiness and status follow the fleet (shared servers) and the other servers. */
    void follow(Fleet fleet, List<ExposureServer> others, List<CapabilityLoad> loads, List<Diagnostic> applied) {
        fleetDiagnostics = applied.stream().map(Diagnostic::format).toList();
        if (server == null) return; // nobody will ask (1,000 files: 114,000 warnings not formatted for nothing)
        for (CapabilityLoad l : loads) diagnostics.put(l.file(), Found.of(l));
        server.follow(() -> {
            List<String> all = new ArrayList<>();
            diagnostics.values().forEach(f -> all.addAll(f.lines()));
            all.addAll(fleetDiagnostics);
            return ControlStates.of(fleet, others, f -> sources.getOrDefault(f, f.toString()), lastReload, all);
        });
    }

    /** After a hot reload: the time, and the diagnostics of the files that changed. */
    void reloaded(Set<Path> changed, boolean strict, EngineOptions engine) {
        lastReload = Instant.now();
        if (server == null) return;
        for (Path p : changed) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                diagnostics.remove(p);
                continue;
            }
            CapabilityLoad l = CapabilityLoad.of(p, strict, engine.withMetrics(Metrics.NONE));
            diagnostics.put(p, Found.of(l));
        }
    }

    /** What loading one file said: its diagnostics, and the reason it could not be planned (or null). */
    private record Found(Path file, List<Diagnostic> diagnostics, String failure) {

        static Found of(CapabilityLoad l) {
            return new Found(l.file(), l.diagnostics(), l.failure());
        }

        List<String> lines() {
            List<String> out = new ArrayList<>(diagnostics.stream().map(Diagnostic::format).toList());
            if (failure != null) out.add(file + ": " + failure);
            return out;
        }
    }

    @Override
    public void close() {
        if (server != null) server.stop(Duration.ZERO);
    }
}
