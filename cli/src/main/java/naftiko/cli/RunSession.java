package naftiko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import naftiko.cli.run.CapabilityFiles;
import naftiko.cli.run.CapabilityLoad;
import naftiko.cli.run.DryRunNotes;
import naftiko.cli.run.Fleet;
import naftiko.cli.run.FolderWatch;
import naftiko.cli.run.Reloader;
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
        EngineOptions engine = cmd.engineOptions(extra);
        ServeOptions serve = cmd.serveOptions();

        // Folders contribute their capability files (sorted by name); files are taken as given.
        List<Path> folders = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Path> watchedFiles = new ArrayList<>();
        for (String arg : cmd.files) {
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                folders.add(p);
                files.addAll(CapabilityFiles.capabilities(p));
            } else {
                Path resolved = resolve(arg, err);
                files.add(resolved);
                if (resolved.equals(p)) watchedFiles.add(p);
            }
        }
        Map<Path, CapabilityFiles.Seen> initial = FolderWatch.scan(folders, watchedFiles);
        List<Path> distinct = files.stream().distinct().toList();
        List<CapabilityLoad> loads = new ArrayList<>();
        for (Path f : distinct) loads.add(CapabilityLoad.of(f, cmd.strict, engine));
        long good = loads.stream().filter(CapabilityLoad::ok).count();
        boolean others = good > 0 || !folders.isEmpty();
        List<Capability> capabilities = new ArrayList<>();
        for (CapabilityLoad l : loads) {
            for (Diagnostic d : l.diagnostics()) err.println(d.format());
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
        Fleet fleet = new Fleet(serve, !stdio);
        for (CapabilityLoad l : loads) if (l.ok()) fleet.put(l.file(), l.capability());
        Fleet.Applied applied = fleet.apply();
        for (Diagnostic d : applied.diagnostics()) err.println(d.format());
        List<ExposureServer> extraServers = new ArrayList<>();
        RunSession session = new RunSession(fleet, extraServers, serve);
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
                skill.addAll(SkillServers.create(c, serve));
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
            session.watch = new FolderWatch(folders, watchedFiles, initial, reloader);
            session.watch.start();
        }
        return session;
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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

    /** Stops watching, then every server at once, each with the full grace period, and waits for all of them. */
    @Override
    public void close() {
        FolderWatch w = watch;
        if (w != null) w.close();
        List<Thread> stopping = new ArrayList<>();
        Thread shared = new Thread(() -> fleet.close(serve.shutdownGrace()), "naftiko-stop");
        shared.start();
        stopping.add(shared);
        for (ExposureServer s : others) {
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
