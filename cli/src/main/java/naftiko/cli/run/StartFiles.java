package naftiko.cli.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import naftiko.engine.run.EngineOptions;

/**
 * The files a run starts with, each read once. The folders' candidate files and the files given are
 * opened in parallel; in the same task a capability's bytes go straight to its loader (YAML parsing
 * dominates start-up with many files), so no file is read twice and no bytes wait in memory; what
 * every file is stays in {@link SeenFiles} for the watch.
 */
public final class StartFiles {
    private StartFiles() {}

    /**
     * @param loads   one per file to run, in load order (a folder's capability files by name, at the
     *                folder's place among the arguments; a file at its own place; each file once)
     * @param initial the documents watched now (folders' documents, then the watched single files)
     * @param seen    what each file was when read, for the watch's rescans
     */
    public record Result(List<CapabilityLoad> loads, Map<Path, CapabilityFiles.Seen> initial, SeenFiles seen) {}

    /**
     * @param arguments    folders and files in command-line order
     * @param folders      which of the arguments are folders
     * @param watchedFiles the single files to watch
     */
    public static Result load(List<Path> arguments, Set<Path> folders, List<Path> watchedFiles, boolean strict,
                              EngineOptions engine) {
        Map<Path, List<Path>> candidates = new LinkedHashMap<>();
        Set<Path> toOpen = new LinkedHashSet<>();
        Set<Path> given = new LinkedHashSet<>();
        for (Path a : arguments) {
            if (folders.contains(a)) {
                List<Path> found = candidates.computeIfAbsent(a, CapabilityFiles::candidates);
                toOpen.addAll(found);
            } else {
                given.add(a);
                toOpen.add(a);
            }
        }
        SeenFiles seen = new SeenFiles();
        Map<Path, Read> read = new ConcurrentHashMap<>();
        toOpen.parallelStream().forEach(p -> {
            SeenFiles.Opened o = seen.open(p);
            boolean run = given.contains(p) || (o.seen() != null && o.seen().capability() && folders.contains(p.getParent()));
            read.put(p, new Read(o.seen(), run ? CapabilityLoad.of(p, o.bytes(), strict, engine) : null));
        });

        Set<Path> order = new LinkedHashSet<>();
        for (Path a : arguments) {
            if (!folders.contains(a)) {
                order.add(a);
                continue;
            }
            for (Path p : candidates.get(a)) {
                CapabilityFiles.Seen s = read.get(p).seen();
                if (s != null && CapabilityFiles.placed(a, s).capability()) order.add(p);
            }
        }
        List<CapabilityLoad> loads = new ArrayList<>();
        for (Path p : order) loads.add(read.get(p).load());

        Map<Path, CapabilityFiles.Seen> initial = new LinkedHashMap<>();
        candidates.forEach((folder, files) -> {
            for (Path p : files) {
                CapabilityFiles.Seen s = read.get(p).seen();
                if (s != null) initial.put(p, CapabilityFiles.placed(folder, s));
            }
        });
        for (Path f : watchedFiles) {
            CapabilityFiles.Seen s = read.containsKey(f) ? read.get(f).seen() : seen.seen(f);
            if (s != null) initial.put(f, s);
        }
        return new Result(loads, initial, seen);
    }

    private record Read(CapabilityFiles.Seen seen, CapabilityLoad load) {}
}
