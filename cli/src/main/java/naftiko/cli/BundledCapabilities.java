package naftiko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The capability files bundled in the jar under {@code capabilities/} (copied there from the
 * repository's {@code capabilities/} folder at build time). A command given a name that is not a
 * file on disk ({@code posthog-task-runs} or {@code posthog-task-runs.yaml}) runs the bundled copy.
 */
final class BundledCapabilities {
    private static final String FOLDER = "capabilities";

    private BundledCapabilities() {}

    /** A file argument, resolved: the path to load, and whether it came from the jar. */
    record Resolved(Path path, boolean bundled, String name) {}

    /**
     * The path on disk when it exists; else the bundled capability of that name (a bare file name,
     * with or without {@code .yaml}), copied to a temporary file; else null.
     */
    static Resolved resolve(String argument) {
        Path path = Path.of(argument);
        if (Files.exists(path)) return new Resolved(path, false, argument);
        if (path.getParent() != null) return null; // a path, not a name: no bundled fallback
        String file = fileName(argument);
        Path copy = copy(file);
        return copy == null ? null : new Resolved(copy, true, file);
    }

    /** The bundled file of that name copied to a temporary folder (so imports and diagnostics see a path), or null. */
    static Path copy(String file) {
        try (InputStream in = BundledCapabilities.class.getResourceAsStream("/" + FOLDER + "/" + file)) {
            if (in == null) return null;
            Path dir = Files.createTempDirectory("naftiko-");
            Path copy = dir.resolve(file);
            Files.copy(in, copy);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            return null;
        }
    }

    /** The names of the bundled files ({@code posthog-task-runs.yaml}), sorted. */
    static List<String> names() {
        URL url = BundledCapabilities.class.getResource("/" + FOLDER);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return list(fs.getPath("/" + FOLDER));
            }
            return list(Path.of(uri));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> list(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString().replace("/", ""))
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    private static String fileName(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") ? name : name + ".yaml";
    }
}
