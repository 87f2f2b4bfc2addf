package naftiko.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * What {@code naftiko run} finds in a folder. A Naftiko document is a {@code .yaml}, {@code .yml} or
 * {@code .json} file whose first key is {@code naftiko}; other files are ignored. A capability file
 * also has a top-level {@code capability} key; the others (shared consumes documents, import
 * targets, also searched in subfolders) are only watched, because capabilities import them.
 */
public final class CapabilityFiles {
    private CapabilityFiles() {}

    /** How deep import targets are looked for under a watched folder. */
    private static final int SHARED_DEPTH = 4;
    private static final Pattern FIRST_KEY = Pattern.compile("^\\s*[\"']?naftiko[\"']?\\s*:");
    private static final Pattern CAPABILITY_KEY = Pattern.compile("(?m)^[\"']?capability[\"']?\\s*:");

    /** One Naftiko document seen on disk, with a fingerprint of its bytes. */
    public record Seen(Path path, boolean capability, long fingerprint) {}

    /** The capability files directly in {@code folder}, sorted by name (the load order). */
    public static List<Path> capabilities(Path folder) {
        return scan(folder).values().stream().filter(Seen::capability).map(Seen::path).toList();
    }

    /** Every Naftiko document under {@code folder}: capabilities at the top, shared documents below too. */
    public static Map<Path, Seen> scan(Path folder) {
        Map<Path, Seen> out = new LinkedHashMap<>();
        for (Path p : candidates(folder)) {
            Seen s = seen(p);
            if (s != null) out.put(p, placed(folder, s));
        }
        return out;
    }

    /** The files under {@code folder} that may be Naftiko documents (by extension, not hidden), sorted. */
    public static List<Path> candidates(Path folder) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, SHARED_DEPTH)) {
            walk.filter(p -> !p.equals(folder)).filter(p -> visible(folder.relativize(p))).filter(Files::isRegularFile)
                    .filter(CapabilityFiles::hasNaftikoExtension).sorted().forEach(files::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // a folder that vanished has no documents
        }
        return files;
    }

    /** A document found under {@code folder}: only one directly in it can be a capability to run. */
    static Seen placed(Path folder, Seen s) {
        return folder.equals(s.path().getParent()) || !s.capability() ? s : new Seen(s.path(), false, s.fingerprint());
    }

    /** The file as a document, or null when it is not one (unreadable, or first key not naftiko). */
    public static Seen seen(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
        return of(file, bytes);
    }

    /** What the bytes of {@code file} are: a document (capability or not) or null. */
    public static Seen of(Path file, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!firstKeyIsNaftiko(text)) return null;
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Seen(file, CAPABILITY_KEY.matcher(text).find(), crc.getValue() ^ ((long) bytes.length << 32));
    }

    /** True when the first key of the document (after comments, blank lines, {@code ---}, a JSON brace) is {@code naftiko}. */
    static boolean firstKeyIsNaftiko(String text) {
        int at = 0;
        while (at < text.length()) { // line by line, stopping at the first meaningful one
            int end = at;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
            String t = text.substring(at, end).strip();
            at = end + 1;
            if (t.isEmpty() || t.startsWith("#") || t.equals("---")) continue;
            if (t.startsWith("{")) t = t.substring(1).strip();
            if (t.isEmpty()) continue;
            return FIRST_KEY.matcher(t).find();
        }
        return false;
    }

    private static boolean hasNaftikoExtension(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** Hidden entries (editor swap files, Kubernetes' {@code ..data} folders) are skipped. */
    private static boolean visible(Path relative) {
        for (Path part : relative) if (part.toString().startsWith(".")) return false;
        return true;
    }
}
