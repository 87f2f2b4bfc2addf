package naftiko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import naftiko.cli.run.CapabilityFiles;
import naftiko.cli.run.CapabilityLoad;
import naftiko.cli.run.DryRunNotes;
import naftiko.cli.run.Fleet;
import naftiko.cli.run.FolderWatch;
import naftiko.cli.run.Reloader;
import naftiko.cli.run.ServerStops;
import naftiko.cli.run.StartFiles;
import naftiko.engine.bind.EnvFile;
import naftiko.engine.log.EventLog;
import naftiko.engine.log.LogLevel;
import naftiko.engine.run.Capability;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ExposureServer;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.Diagnostic;
import naftiko.mcp.McpServers;
import naftiko.rest.RestServer;
import naftiko.rest.skill.SkillServers;

/**
 * The servers of one {@code naftiko run}: load and plan every file (folders give their capability
 * files), mount them on shared servers (one per address:port and protocol, see {@link Fleet}),
 * print the routes and the ready line, then watch the folders for changes. A file with errors is
 * reported and skipped while the others run; nothing at all to run is exit 2. Closing stops
 * watching, then every server gracefully.
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

    private final Fleet fleet;
    private final List<ExposureServer> others;
    private final ServeOptions serve;
    private volatile FolderWatch watch;
    private volatile ControlPlane control;

    private RunSession(Fleet fleet, List<ExposureServer> others, ServeOptions serve) {
        this.fleet = fleet;
        this.others = others;
        this.serve = serve;
    }

    /** Every server running now: shared REST, shared MCP, then stdio and skill servers. */
    List<ExposureServer> servers() {
        List<ExposureServer> all = new ArrayList<>(fleet.servers());
        all.addAll(others);
        return all;
    }

    Fleet fleet() {
        return fleet;
    }

    /** The control port once listening (for tests), else -1. */
    int controlPort() {
        return control == null ? -1 : control.port();
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

        // Folders contribute their capability files (sorted by name); files are taken as given.
        List<Path> folders = new ArrayList<>();
        List<Path> arguments = new ArrayList<>();
        List<Path> watchedFiles = new ArrayList<>();
        for (String arg : cmd.files) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                folders.add(p);
                arguments.add(p);
            } else {
                Path resolved = resolve(arg, err, control);
                arguments.add(resolved);
                if (resolved.equals(p)) watchedFiles.add(p);
            }
        }
        // Each file is read once and loaded and planned in parallel (YAML parsing dominates start-up
        // with many files); the loads keep the files' order, which decides who wins a collision.
        StartFiles.Result start = StartFiles.load(arguments, new HashSet<>(folders), watchedFiles, cmd.strict, engine);
        List<CapabilityLoad> loads = start.loads();
        Map<Path, CapabilityFiles.Seen> initial = start.initial();
        long good = loads.stream().filter(CapabilityLoad::ok).count();
        boolean others = good > 0 || !folders.isEmpty();
        List<Capability> capabilities = new ArrayList<>();
        for (CapabilityLoad l : loads) {
            printDiagnostics(l, EventLog.enabled(LogLevel.DEBUG), err);
            if (l.ok()) {
                capabilities.add(l.capability());
            } else if (l.failure() != null) {
                err.println("naftiko run: " + l.failure() + (others ? " (" + l.file() + " skipped)" : ""));
            } else {
                err.println("naftiko run: " + l.file() + " has errors; " + (others ? "skipped" : "nothing started"));
            }
        }
        if (!others) throw new Abort(2);

        // With an MCP exposure on stdio, stdout carries the protocol: human lines go to stderr, and
        // MCP is served per capability as before (no sharing, no reload).
        boolean stdio = serve.stdio() || capabilities.stream().anyMatch(c -> c.mcp() != null
                && c.mcp().stream().anyMatch(McpServers::isStdio));
        List<String> controlLines;
        try {
            controlLines = control.start(capabilities, err); // first: liveness answers while exposures start
        } catch (RuntimeException e) {
            err.println("naftiko run: " + oneLine(e));
            throw new Abort(2);
        }
        Fleet fleet = new Fleet(serve, !stdio);
        for (CapabilityLoad l : loads) if (l.ok()) fleet.put(l.file(), l.capability());
        Fleet.Applied applied = fleet.apply();
        for (Diagnostic d : applied.diagnostics()) err.println(d.format());
        List<ExposureServer> extraServers = new ArrayList<>();
        RunSession session = new RunSession(fleet, extraServers, serve);
        session.control = control;
        if (!applied.listenFailures().isEmpty()) {
            applied.listenFailures().forEach(f -> err.println("naftiko run: " + f));
            session.close();
            throw new Abort(2);
        }
        List<ExposureServer> mcp = new ArrayList<>();
        if (stdio) {
            for (Capability c : capabilities) {
                if (c.mcp() == null || c.mcp().isEmpty()) continue;
                try {
                    mcp.addAll(McpServers.create(c, serve));
                } catch (RuntimeException e) {
                    err.println("naftiko run: " + oneLine(e));
                    session.close();
                    throw new Abort(2);
                }
            }
            out = err;
        }
        // Skill catalogs (SPEC.md §15), after MCP: read-only, they only point at the units above.
        List<ExposureServer> skill = new ArrayList<>();
        for (Capability c : capabilities) {
            try {
                skill.addAll(SkillServers.create(c, serve, engine));
            } catch (IllegalArgumentException e) {
                err.println("naftiko run: " + e.getMessage());
                session.close();
                throw new Abort(2);
            }
        }
        for (ExposureServer s : concat(mcp, skill)) {
            try {
                s.start();
                extraServers.add(s);
            } catch (RuntimeException e) {
                err.println("naftiko run: " + oneLine(e));
                session.close();
                throw new Abort(2);
            }
        }
        for (RestServer r : fleet.restServers()) r.describe().forEach(out::println);
        for (ExposureServer m : fleet.mcpServers()) m.describe().forEach(out::println);
        for (ExposureServer m : mcp) m.describe().forEach(out::println);
        for (ExposureServer k : skill) k.describe().forEach(out::println);
        controlLines.forEach(out::println);
        control.follow(fleet, extraServers, loads, applied.diagnostics());
        if (cmd.dryRun) DryRunNotes.of(capabilities, engine).forEach(out::println);
        boolean watching = cmd.watch != null ? cmd.watch : !folders.isEmpty();
        List<RestServer> rest = fleet.restServers();
        String watched = watching ? " (watching " + String.join(", ", concat(folders, watchedFiles).stream()
                .map(Path::toString).toList()) + " for changes)" : "";
        if (session.servers().isEmpty()) {
            out.println("naftiko ready: no REST or MCP exposure to serve" + watched);
        } else if (rest.isEmpty()) {
            out.println("naftiko ready" + watched);
        } else {
            out.println("naftiko ready: " + String.join("; ", rest.stream().map(RestServer::summary).toList()) + watched);
        }
        out.flush();
        for (CapabilityLoad l : loads) if (l.ok()) EventLog.event(LogLevel.INFO, "mounted", Reloader.fields(l.file(), l.capability()));
        if (watching) {
            Reloader reloader = new Reloader(fleet, cmd.strict, engine);
            reloader.applied(applied); // already printed: not reported again
            session.watch = new FolderWatch(folders, watchedFiles, initial, start.seen(), changed -> {
                reloader.accept(changed);
                control.reloaded(changed, cmd.strict, engine);
            });
            session.watch.start();
        }
        return session;
    }

    /**
     * Errors in full; warnings (tolerated deviations) in full only with {@code --log-level debug},
     * else one line per file with their count, so that a first run is not a wall of warnings.
     */
    private static void printDiagnostics(CapabilityLoad l, boolean allWarnings, PrintStream err) {
        long warnings = l.diagnostics().stream().filter(d -> !d.isError()).count();
        for (Diagnostic d : l.diagnostics()) if (d.isError() || allWarnings || warnings <= 3) err.println(d.format());
        if (!allWarnings && warnings > 3) {
            err.println(l.file() + ": " + warnings + " warnings about tolerated deviations (list them with: naftiko validate "
                    + l.file() + ")");
        }
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A path on disk, else a capability bundled in the jar ({@code posthog-task-runs}), said so on stderr. */
    private static Path resolve(String file, PrintStream err, ControlPlane control) throws Abort {
        BundledCapabilities.Resolved resolved = BundledCapabilities.resolve(file);
        if (resolved == null) {
            err.println("naftiko run: " + file + ": no such file (and no bundled capability of that name; see naftiko list)");
            throw new Abort(2);
        }
        if (resolved.bundled()) {
            err.println("naftiko run: no file " + file + " here; running the bundled capability " + resolved.name());
            control.source(resolved.path(), "bundled:" + resolved.name());
        }
        return resolved.path();
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Stops watching, then every server at once, each with the full grace period, and waits for all of them. */
    @Override
    public void close() {
        FolderWatch w = watch;
        if (w != null) w.close();
        List<ExposureServer> all = new ArrayList<>(fleet.servers());
        all.addAll(others);
        ServerStops.all(all, serve.shutdownGrace());
        ControlPlane c = control;
        if (c != null) c.close();
    }
}
