package naftiko.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each watched file was when last read, with the size, modification time and file key it had
 * then: a rescan reads only the files whose attributes changed (1,000 unchanged files cost 1,000
 * {@code stat} calls, no read). A file modified less than {@value #RECENT_MS} ms before the scan is
 * read anyway, since on a file system with coarse timestamps a second write in the same tick can keep
 * both size and time. Safe for concurrent use (files are opened in parallel at start-up).
 */
public final class SeenFiles {

    static final long RECENT_MS = 2000;

    private record Entry(long size, long modified, Object key, CapabilityFiles.Seen seen) {

        boolean same(BasicFileAttributes a) {
            return size == a.size() && modified == a.lastModifiedTime().toMillis() && Objects.equals(key, a.fileKey());
        }
    }

    /** A file read once: its bytes (null when unreadable) and what it is (null when not a document). */
    public record Opened(Path path, byte[] bytes, CapabilityFiles.Seen seen) {}

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

    /** Reads {@code file} (always) and remembers what it is, for the loader to use the same bytes. */
    public Opened open(Path file) {
        BasicFileAttributes a = attributes(file); // before reading: a write in between shows as a change later
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            entries.remove(file);
            return new Opened(file, null, null);
        }
        CapabilityFiles.Seen seen = CapabilityFiles.of(file, bytes);
        if (a != null) {
            entries.put(file, new Entry(a.size(), a.lastModifiedTime().toMillis(), a.fileKey(), seen));
        } else {
            entries.remove(file);
        }
        return new Opened(file, bytes, seen);
    }

    /** The document at {@code file}, or null when it is not one; read only when its attributes changed. */
    public CapabilityFiles.Seen seen(Path file) {
        BasicFileAttributes a = attributes(file);
        if (a == null) {
            entries.remove(file);
            return null;
        }
        Entry e = entries.get(file);
        if (e != null && e.same(a) && System.currentTimeMillis() - e.modified() >= RECENT_MS) return e.seen();
        return open(file).seen();
    }

    /** Like {@link CapabilityFiles#scan}, reading only what changed; {@code visited} collects every candidate. */
    public Map<Path, CapabilityFiles.Seen> scan(Path folder, Collection<Path> visited) {
        Map<Path, CapabilityFiles.Seen> out = new LinkedHashMap<>();
        for (Path p : CapabilityFiles.candidates(folder)) {
            visited.add(p);
            CapabilityFiles.Seen s = seen(p);
            if (s != null) out.put(p, CapabilityFiles.placed(folder, s));
        }
        return out;
    }

    /** Forgets the files not in {@code present} (deleted, renamed away). */
    public void retain(java.util.Set<Path> present) {
        entries.keySet().retainAll(present);
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
