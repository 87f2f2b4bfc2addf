package naftiko.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import naftiko.engine.bind.EnvFile;
import naftiko.engine.run.Capability;
import naftiko.engine.run.CapabilityPlanner;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.PlanException;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.mcp.McpServers;
import naftiko.rest.RestServer;
import naftiko.rest.RestServers;
import naftiko.rest.skill.SkillServers;

/**
 * The servers of one {@code naftiko run}: load and plan every file, create the REST then the MCP
 * servers, start them all (or none), print the routes and the ready line. Closing stops them gracefully.
 */
final class RunSession implements AutoCloseable {

    /** A start-up failure already reported on stderr. */
    static final class Abort extends Exception {
        private final int exitCode;

        Abort(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final List<ExposureServer> servers;
    private final ServeOptions serve;
    private final ControlPlane control;

    private RunSession(List<ExposureServer> servers, ServeOptions serve, ControlPlane control) {
        this.servers = servers;
        this.serve = serve;
        this.control = control;
    }

    /** The control port once listening (for tests), else -1. */
    int controlPort() {
        return control.port();
    }

    List<ExposureServer> servers() {
        return servers;
    }

    static RunSession start(RunCommand cmd, PrintStream out, PrintStream err) throws Abort {
        Map<String, String> extra = Map.of();
        if (cmd.envFile != null) {
            try {
                extra = EnvFile.read(cmd.envFile);
            } catch (IOException e) {
                err.println("naftiko run: cannot read --env-file " + cmd.envFile + ": " + e.getClass().getSimpleName());
                throw new Abort(2);
            }
        }
        ControlPlane control = new ControlPlane(cmd.controlPort, cmd.controlAddress);
        EngineOptions engine = cmd.engineOptions(extra).withMetrics(control.metrics());
        ServeOptions serve = cmd.serveOptions();
        List<Capability> capabilities = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String file : cmd.files) {
            BundledCapabilities.Resolved resolved = resolve(file, err);
            capabilities.add(plan(resolved.path(), cmd.strict, engine, err));
            sources.add(resolved.bundled() ? "bundled:" + resolved.name() : resolved.path().toString());
        }

        List<ExposureServer> servers = new ArrayList<>();
        List<RestServer> rest = new ArrayList<>();
        List<ExposureServer> mcp = new ArrayList<>();
        for (Capability c : capabilities) {
            RestServers.create(c, serve).forEach(s -> {
                servers.add(s);
                if (s instanceof RestServer r) rest.add(r);
            });
        }
        for (Capability c : capabilities) {
            if (c.mcp() == null || c.mcp().isEmpty()) continue;
            try {
                List<ExposureServer> m = McpServers.create(c, serve);
                servers.addAll(m);
                mcp.addAll(m);
            } catch (RuntimeException e) {
                err.println("naftiko run: " + oneLine(e));
                throw new Abort(2);
            }
        }
        // With an MCP exposure on stdio, stdout carries the protocol: human lines go to stderr.
        boolean stdio = serve.stdio() || capabilities.stream().anyMatch(c -> c.mcp() != null
                && c.mcp().stream().anyMatch(e -> "stdio".equalsIgnoreCase(e.transport())));
        if (stdio) out = err;
        // Skill catalogs (SPEC.md §15), after MCP: read-only, they only point at the units above.
        List<ExposureServer> skill = new ArrayList<>();
        for (Capability c : capabilities) {
            try {
                skill.addAll(SkillServers.create(c, serve));
            } catch (IllegalArgumentException e) {
                err.println("naftiko run: " + e.getMessage());
                throw new Abort(2);
            }
        }
        servers.addAll(skill);
        RunSession session = new RunSession(servers, serve, control);
        List<String> controlLines;
        try {
            controlLines = control.start(capabilities, err); // first: liveness answers while exposures start
        } catch (RuntimeException e) {
            err.println("naftiko run: " + oneLine(e));
            throw new Abort(2);
        }
        List<ExposureServer> started = new ArrayList<>();
        for (ExposureServer s : servers) {
            try {
                s.start();
                started.add(s);
            } catch (RuntimeException e) {
                err.println("naftiko run: " + oneLine(e));
                new RunSession(started, serve, control).close();
                throw new Abort(2);
            }
        }
        control.publish(ControlStates.mounted(capabilities, sources, rest.stream().map(x -> (ExposureServer) x).toList(), mcp, skill), List.of());
        for (RestServer r : rest) r.describe().forEach(out::println);
        for (ExposureServer m : mcp) m.describe().forEach(out::println);
        for (ExposureServer k : skill) k.describe().forEach(out::println);
        controlLines.forEach(out::println);
        if (servers.isEmpty()) {
            out.println("naftiko ready: no REST or MCP exposure to serve");
        } else if (rest.isEmpty()) {
            out.println("naftiko ready");
        } else {
            out.println("naftiko ready: " + String.join("; ", rest.stream().map(RestServer::summary).toList()));
        }
        out.flush();
        return session;
    }

    private static Capability plan(Path path, boolean strict, EngineOptions engine, PrintStream err) throws Abort {
        LoadResult loaded = SpecLoader.load(path);
        for (Diagnostic d : loaded.diagnostics(strict)) err.println(d.format());
        if (loaded.hasErrors(strict)) {
            err.println("naftiko run: " + path + " has errors; nothing started");
            throw new Abort(2);
        }
        try {
            Capability capability = CapabilityPlanner.plan(loaded.spec(), engine);
            capability.warnings().forEach(w -> err.println(w.format()));
            return capability;
        } catch (PlanException e) {
            err.println("naftiko run: " + e.getMessage());
            throw new Abort(2);
        }
    }

    /** A path on disk, else a capability bundled in the jar ({@code posthog-task-runs}), said so on stderr. */
    private static BundledCapabilities.Resolved resolve(String file, PrintStream err) throws Abort {
        BundledCapabilities.Resolved resolved = BundledCapabilities.resolve(file);
        if (resolved == null) {
            err.println("naftiko run: " + file + ": no such file (and no bundled capability of that name; see naftiko list)");
            throw new Abort(2);
        }
        if (resolved.bundled()) {
            err.println("naftiko run: no file " + file + " here; running the bundled capability " + resolved.name());
        }
        return resolved;
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Stops every server at once, each with the full grace period, and waits for all of them. */
    @Override
    public void close() {
        List<Thread> stopping = new ArrayList<>();
        for (ExposureServer s : servers) {
            Thread t = new Thread(() -> {
                try {
                    s.stop(serve.shutdownGrace());
                } catch (RuntimeException e) {
                    System.err.println("naftiko: stopping a server failed: " + e.getClass().getSimpleName());
                }
            }, "naftiko-stop");
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        control.close();
    }
}
