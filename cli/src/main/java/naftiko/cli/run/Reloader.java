package naftiko.cli.run;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import naftiko.engine.log.EventLog;
import naftiko.engine.log.LogLevel;
import naftiko.engine.run.Capability;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.spec.Diagnostic;

/**
 * Applies file changes to the {@link Fleet}: a removed file is unmounted; an added or changed one
 * is loaded and, when it has no errors, mounted in place of its previous version; when it has
 * errors the previous version keeps running and the diagnostics are logged. A changed shared
 * document (import target) reloads every capability. Every step is one log event.
 */
public final class Reloader implements Consumer<Set<Path>> {

    private final Fleet fleet;
    private final boolean strict;
    private final EngineOptions engine;
    private final Set<String> reported = new HashSet<>();

    public Reloader(Fleet fleet, boolean strict, EngineOptions engine) {
        this.fleet = fleet;
        this.strict = strict;
        this.engine = engine;
    }

    @Override
    public synchronized void accept(Set<Path> changed) {
        Set<Path> todo = new TreeSet<>(changed);
        for (Path p : changed) {
            CapabilityFiles.Seen seen = CapabilityFiles.seen(p);
            if (seen != null && !seen.capability()) todo.addAll(fleet.capabilities().keySet()); // an import target
        }
        for (Path p : todo) {
            byte[] bytes = read(p); // once, for both what the file is and its load
            CapabilityFiles.Seen seen = bytes == null ? null : CapabilityFiles.of(p, bytes);
            if (seen == null || !seen.capability()) {
                if (fleet.remove(p)) EventLog.event(LogLevel.INFO, "unmounted", Map.of("file", p.toString()));
                continue;
            }
            CapabilityLoad load = CapabilityLoad.of(p, bytes, strict, engine);
            boolean had = fleet.capabilities().containsKey(p);
            if (!load.ok()) {
                rejected(load, had);
                continue;
            }
            long warnings = load.diagnostics().size();
            load.diagnostics().forEach(d -> diagnostic(warnings > 3 ? LogLevel.DEBUG : LogLevel.WARN, p, d));
            fleet.put(p, load.capability());
            Map<String, Object> f = fields(p, load.capability());
            if (!load.diagnostics().isEmpty()) f.put("warnings", load.diagnostics().size());
            EventLog.event(LogLevel.INFO, had ? "remounted" : "mounted", f);
        }
        applied(fleet.apply());
    }

    private static byte[] read(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }

    /** Logs what an apply found: collisions not reported before, and servers that could not listen. */
    public synchronized void applied(Fleet.Applied applied) {
        Set<String> now = new HashSet<>();
        for (Diagnostic d : applied.diagnostics()) {
            String line = d.format();
            now.add(line);
            if (!reported.contains(line)) {
                diagnostic(d.isError() ? LogLevel.ERROR : LogLevel.WARN, d.pos() == null ? null : d.pos().file(), d);
            }
        }
        reported.clear();
        reported.addAll(now);
        for (String failure : applied.listenFailures()) {
            EventLog.event(LogLevel.ERROR, "listen-failed", Map.of("reason", failure));
        }
    }

    private void rejected(CapabilityLoad load, boolean had) {
        Path p = load.file();
        for (Diagnostic d : load.diagnostics()) diagnostic(d.isError() ? LogLevel.ERROR : LogLevel.WARN, p, d);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", p.toString());
        if (load.failure() != null) f.put("reason", load.failure());
        f.put("action", had ? "kept the last good version running" : "not mounted");
        EventLog.event(LogLevel.ERROR, "reload-rejected", f);
    }

    private static void diagnostic(LogLevel level, Path file, Diagnostic d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file == null ? "-" : file.toString());
        f.put("diagnostic", d.format());
        EventLog.event(level, "diagnostic", f);
    }

    /** {@code file, capability, routes, tools} of a mounted capability. */
    public static Map<String, Object> fields(Path file, Capability c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file.toString());
        f.put("capability", c.name());
        f.put("routes", c.rest().stream().mapToInt(e -> e.routes().size()).sum());
        f.put("tools", c.mcp() == null ? 0 : c.mcp().stream().mapToInt(e -> e.tools().size()).sum());
        return f;
    }

}
