package naftiko.cli;

import java.io.IOException;
import java.io.InputStream;
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

    private RunSession(List<ExposureServer> servers, ServeOptions serve) {
        this.servers = servers;
        this.serve = serve;
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
            } catch (IllegalArgumentException e) {
                err.println("naftiko run: " + e.getMessage());
                throw new Abort(2);
            }
        }
        EngineOptions engine = cmd.engineOptions(extra);
        ServeOptions serve = cmd.serveOptions();
        List<Capability> capabilities = new ArrayList<>();
        for (String file : cmd.files) capabilities.add(plan(file, cmd.strict, engine, err));

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
        RunSession session = new RunSession(servers, serve);
        List<ExposureServer> started = new ArrayList<>();
        for (ExposureServer s : servers) {
            try {
                s.start();
                started.add(s);
            } catch (RuntimeException e) {
                err.println("naftiko run: " + oneLine(e));
                new RunSession(started, serve).close();
                throw new Abort(2);
            }
        }
        for (RestServer r : rest) r.describe().forEach(out::println);
        for (ExposureServer m : mcp) m.describe().forEach(out::println);
        for (ExposureServer k : skill) k.describe().forEach(out::println);
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

    private static Capability plan(String file, boolean strict, EngineOptions engine, PrintStream err) throws Abort {
        Path path = resolve(file, err);
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

    /** A path on disk, else a capability bundled in the jar ({@code posthog-task-runs}). */
    private static Path resolve(String file, PrintStream err) throws Abort {
        Path path = Path.of(file);
        if (Files.exists(path)) return path;
        String name = path.getFileName().toString();
        String resource = "/capabilities/" + (name.endsWith(".yaml") || name.endsWith(".yml") ? name : name + ".yaml");
        try (InputStream in = RunSession.class.getResourceAsStream(resource)) {
            if (in != null && path.getParent() == null) {
                Path dir = Files.createTempDirectory("naftiko-");
                Path copy = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
                Files.copy(in, copy);
                copy.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                return copy;
            }
        } catch (IOException e) {
            // reported as missing below
        }
        err.println("naftiko run: " + file + ": no such file (and no bundled capability of that name)");
        throw new Abort(2);
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
    }
}
