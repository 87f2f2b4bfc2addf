package naftiko.engine.shape.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Finds a decoder schema named by {@code outputSchema}: file system (relative to the capability), then classpath. */
final class SchemaFile {
    private SchemaFile() {}

    /** A stable key for caching: the resolved file path, or {@code classpath:name}. */
    static String locate(String name, Path baseDir) {
        Path file = file(name, baseDir);
        if (file != null) {
            return file.toAbsolutePath().normalize().toString();
        }
        if (loader().getResource(stripSlash(name)) != null) {
            return "classpath:" + stripSlash(name);
        }
        throw new FormatDecoder.FormatException("schema file '" + name
                + "' named by outputSchema was not found (looked next to the capability file, then on the classpath)");
    }

    static InputStream open(String key) throws IOException {
        if (key.startsWith("classpath:")) {
            InputStream in = loader().getResourceAsStream(key.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("gone");
            }
            return in;
        }
        return Files.newInputStream(Path.of(key));
    }

    private static Path file(String name, Path baseDir) {
        try {
            Path p = Path.of(name);
            if (!p.isAbsolute() && baseDir != null) {
                p = baseDir.resolve(p);
            }
            return Files.isRegularFile(p) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static String stripSlash(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : SchemaFile.class.getClassLoader();
    }
}
