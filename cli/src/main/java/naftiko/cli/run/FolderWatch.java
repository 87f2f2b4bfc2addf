package naftiko.cli.run;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches folders (and single files) for Naftiko documents being added, changed or removed. File
 * system events trigger a rescan at once; without events (network and container file systems) a
 * rescan runs every second anyway. A change is handed over only once the documents read the same on
 * two scans {@value #SETTLE_MS} ms apart, so a file being written is not loaded half-way. A rescan
 * reads only the files whose size, modification time or identity changed ({@link SeenFiles}).
 */
public final class FolderWatch implements AutoCloseable {

    static final long SETTLE_MS = 200;
    private static final long RESCAN_MS = 1000;

    private final List<Path> folders;
    private final List<Path> files;
    private final Consumer<Set<Path>> onChange;
    private final SeenFiles seenFiles;
    private final WatchService events;
    private final Thread thread;
    private volatile boolean running = true;
    private Map<Path, CapabilityFiles.Seen> applied;

    /**
     * @param initial   what was loaded at start-up (changes are relative to it)
     * @param seenFiles the files as read at start-up (rescans read only what changed since)
     * @param onChange  called on the watch thread with the paths added, changed or removed
     */
    public FolderWatch(List<Path> folders, List<Path> files, Map<Path, CapabilityFiles.Seen> initial,
                       SeenFiles seenFiles, Consumer<Set<Path>> onChange) {
        this.folders = List.copyOf(folders);
        this.files = List.copyOf(files);
        this.seenFiles = seenFiles;
        this.onChange = onChange;
        this.applied = Map.copyOf(initial);
        this.events = register();
        this.thread = new Thread(this::loop, "naftiko-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Everything watched now: documents in the folders, plus the single files given. */
    Map<Path, CapabilityFiles.Seen> scan() {
        Set<Path> visited = new HashSet<>();
        Map<Path, CapabilityFiles.Seen> now = new LinkedHashMap<>();
        for (Path f : folders) now.putAll(seenFiles.scan(f, visited));
        for (Path f : files) {
            visited.add(f);
            CapabilityFiles.Seen s = seenFiles.seen(f);
            if (s != null) now.put(f, s);
        }
        seenFiles.retain(visited);
        return now;
    }

    private WatchService register() {
        WatchService service;
        try {
            service = FileSystems.getDefault().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // rescans alone
        }
        Set<Path> dirs = new HashSet<>(folders);
        for (Path f : files) if (f.toAbsolutePath().getParent() != null) dirs.add(f.toAbsolutePath().getParent());
        for (Path d : dirs) {
            try {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                try (var sub = Files.list(d)) { // shared documents one level down (import targets)
                    for (Path p : sub.filter(Files::isDirectory).toList()) {
                        p.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    }
                }
            } catch (IOException e) {
                // the rescan still sees it
            }
        }
        return service;
    }

    private void loop() {
        long lastScan = 0;
        long pendingSince = 0;
        Map<Path, CapabilityFiles.Seen> pending = null;
        while (running) {
            boolean event = waitForEvent(pending != null ? SETTLE_MS : 250);
            if (!running) return;
            long now = System.nanoTime();
            if (!event && pending == null && now - lastScan < TimeUnit.MILLISECONDS.toNanos(RESCAN_MS)) continue;
            lastScan = now;
            Map<Path, CapabilityFiles.Seen> seen = scan();
            if (seen.equals(applied)) {
                pending = null;
            } else if (seen.equals(pending)) {
                // Unchanged since it was first seen, at least SETTLE_MS ago: the writer is done.
                if (now - pendingSince < TimeUnit.MILLISECONDS.toNanos(SETTLE_MS)) continue;
                Set<Path> changed = diff(applied, seen);
                applied = seen;
                pending = null;
                try {
                    onChange.accept(changed);
                } catch (RuntimeException e) {
                    System.err.println("naftiko: reload failed: " + e.getClass().getSimpleName());
                }
            } else {
                pending = seen; // not settled yet: look again shortly
                pendingSince = now;
            }
        }
    }

    private boolean waitForEvent(long millis) {
        try {
            if (events == null) {
                Thread.sleep(millis);
                return false;
            }
            WatchKey key = events.poll(millis, TimeUnit.MILLISECONDS);
            if (key == null) return false;
            key.pollEvents();
            key.reset();
            return true;
        } catch (InterruptedException | ClosedWatchServiceException e) {
            running = false;
            return false;
        }
    }

    static Set<Path> diff(Map<Path, CapabilityFiles.Seen> before, Map<Path, CapabilityFiles.Seen> after) {
        Set<Path> changed = new HashSet<>();
        before.forEach((p, s) -> {
            if (!Objects.equals(after.get(p), s)) changed.add(p);
        });
        after.keySet().forEach(p -> {
            if (!before.containsKey(p)) changed.add(p);
        });
        return changed;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        if (events != null) {
            try {
                events.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
