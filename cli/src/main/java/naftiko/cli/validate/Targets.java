package naftiko.cli.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a {@code validate} command line names: files as given; directories searched recursively
 * for {@code *.yaml}/{@code *.yml} whose first key is {@code naftiko} (other YAML — CI configs,
 * bind value files — is skipped).
 */
public final class Targets {
    private Targets() {}

    public static List<Path> expand(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> {
                            String n = f.getFileName().toString();
                            return n.endsWith(".yaml") || n.endsWith(".yml");
                        })
                        .filter(Targets::startsWithNaftiko)
                        .sorted()
                        .forEach(out::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                out.add(p); // the loader reports it as unreadable
            }
        }
        return out;
    }

    /** True when the first key of the file's first document is {@code naftiko}. */
    static boolean startsWithNaftiko(Path f) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String line;
            int read = 0;
            while ((line = r.readLine()) != null && read++ < 200) {
                String t = line.strip();
                if (t.startsWith("\uFEFF")) t = t.substring(1);
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("%") || t.equals("---")) continue;
                if (t.startsWith("{")) t = t.substring(1).strip();
                return t.startsWith("naftiko:") || t.startsWith("\"naftiko\":") || t.startsWith("'naftiko':")
                        || t.startsWith("naftiko :");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
