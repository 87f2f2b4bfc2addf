package naftiko.rest.skill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A skill's {@code location} directory: its file list, one file by relative path, or all of it as
 * a ZIP. Nothing outside the directory is ever read: unsafe segments are refused, and a symbolic
 * link that leads outside is treated as absent.
 */
final class SkillDirectory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A relative path the client may not ask for ({@code ..}, absolute, control characters). */
    static final class UnsafePath extends Exception {
        UnsafePath(String message) {
            super(message, null, false, false);
        }
    }

    private final Path root;

    SkillDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    boolean exists() {
        return Files.isDirectory(root);
    }

    /** Regular files under the directory, relative paths with {@code /}, sorted. */
    List<Path> files() throws IOException {
        Path real = root.toRealPath();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>();
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && inside(real, p)) files.add(root.relativize(p));
            }
            files.sort(null);
            return files;
        }
    }

    byte[] listing(String skill) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", skill);
        ArrayNode files = node.putArray("files");
        for (Path rel : files()) {
            ObjectNode f = files.addObject();
            f.put("path", slashes(rel));
            f.put("size", Files.size(root.resolve(rel)));
            f.put("type", mediaType(rel));
        }
        return JSON.writeValueAsBytes(node);
    }

    /**
     * The file at the decoded path segments, or null when it does not exist (or is a directory).
     *
     * @throws UnsafePath for {@code .}, {@code ..}, empty, absolute-looking or control-character segments
     */
    Path file(List<String> segments) throws UnsafePath, IOException {
        if (segments.isEmpty()) throw new UnsafePath("a file path is required");
        Path p = root;
        for (String s : segments) {
            if (s.isEmpty() || s.equals(".") || s.equals("..") || s.indexOf('/') >= 0 || s.indexOf('\\') >= 0
                    || s.indexOf(':') >= 0 || s.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new UnsafePath("unsafe path segment '" + printable(s) + "'");
            }
            p = p.resolve(s);
        }
        p = p.normalize();
        if (!p.startsWith(root)) throw new UnsafePath("the path leaves the skill directory");
        if (!Files.isRegularFile(p) || !exists() || !inside(root.toRealPath(), p)) return null;
        return p;
    }

    /** Writes every file as a ZIP entry named by its relative path. */
    void zip(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path rel : files()) {
                zip.putNextEntry(new ZipEntry(slashes(rel)));
                Files.copy(root.resolve(rel), zip);
                zip.closeEntry();
            }
        }
    }

    static String mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "md", "markdown" -> "text/markdown";
            case "txt" -> "text/plain";
            case "json" -> "application/json";
            case "yaml", "yml" -> "application/yaml";
            case "html", "htm" -> "text/html";
            case "csv" -> "text/csv";
            case "xml" -> "application/xml";
            case "py" -> "text/x-python";
            case "js" -> "text/javascript";
            case "sh" -> "application/x-sh";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "svg" -> "image/svg+xml";
            case "pdf" -> "application/pdf";
            default -> "application/octet-stream";
        };
    }

    private static boolean inside(Path realRoot, Path p) {
        try {
            return p.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }

    private static String slashes(Path rel) {
        return rel.toString().replace('\\', '/');
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> b.append(c < 0x20 || c == 0x7f ? '?' : Character.toString(c)));
        return b.toString();
    }
}
