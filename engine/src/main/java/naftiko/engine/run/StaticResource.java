package naftiko.engine.run;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import naftiko.engine.spec.model.McpResource;

/**
 * A static MCP resource (SPEC.md §14.3): the regular files under a {@code file:///} directory,
 * each exposed as {@code <uri>/<relative path>}. Reads check every segment and the real path so
 * nothing outside the directory (by {@code ..} or symlink) can ever be read.
 */
final class StaticResource implements McpResourceUnit {
    private static final Pattern SEGMENT = Pattern.compile("[a-zA-Z0-9._-]+");

    private final McpResource decl;
    private final Path root;

    StaticResource(McpResource decl, Path root) {
        this.decl = decl;
        this.root = root;
    }

    @Override public String name() { return decl.name(); }
    @Override public String title() { return decl.label() != null ? decl.label() : decl.name(); }
    @Override public String description() { return decl.description(); }
    @Override public String mimeType() { return decl.mimeType(); }
    @Override public String uri() { return decl.uri(); }
    @Override public boolean isTemplate() { return false; }

    private String base() {
        return decl.uri().endsWith("/") ? decl.uri().substring(0, decl.uri().length() - 1) : decl.uri();
    }

    @Override
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(f -> {
                String rel = root.relativize(f).toString().replace('\\', '/');
                out.add(new Entry(base() + "/" + rel, rel, title(), description(), mime(f)));
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private String mime(Path f) {
        if (decl.mimeType() != null) return decl.mimeType();
        String probed = URLConnection.guessContentTypeFromName(f.getFileName().toString());
        String n = f.getFileName().toString();
        if (probed == null && n.endsWith(".md")) return "text/markdown";
        if (probed == null && n.endsWith(".json")) return "application/json";
        if (probed == null && (n.endsWith(".yaml") || n.endsWith(".yml"))) return "application/yaml";
        return probed == null ? "text/plain" : probed;
    }

    @Override
    public Optional<Map<String, String>> match(String uri) {
        if (uri.equals(base())) return Optional.of(Map.of("path", ""));
        if (uri.startsWith(base() + "/")) return Optional.of(Map.of("path", uri.substring(base().length() + 1)));
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Content> read(String uri, CallContext context) {
        Optional<Map<String, String>> m = match(uri);
        String rel = m.map(v -> v.get("path")).orElse(null);
        if (rel == null || rel.isEmpty()) return fail(uri);
        for (String seg : rel.split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches() || seg.equals(".") || seg.equals("..")) return fail(uri);
        }
        try {
            Path realRoot = root.toRealPath();
            Path file = realRoot.resolve(rel).normalize();
            if (!file.startsWith(realRoot) || !Files.exists(file)) return fail(uri);
            Path real = file.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) return fail(uri);
            return CompletableFuture.completedFuture(new Content(uri, mime(real), Files.readString(real, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return fail(uri);
        }
    }

    private static CompletableFuture<Content> fail(String uri) {
        return CompletableFuture.failedFuture(new UnitFailure(UnitFailure.Kind.BAD_INPUT, "unknown resource " + uri, List.of("uri")));
    }
}
