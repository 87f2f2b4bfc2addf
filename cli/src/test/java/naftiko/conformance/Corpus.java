package naftiko.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The conformance corpus copied from spec/fixtures/ into test resources, relative paths kept. */
final class Corpus {
    private Corpus() {}

    static Path root() {
        try {
            return Path.of(Corpus.class.getResource("/conformance/src").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static Path tutorial(String name) {
        return file("src/main/resources/tutorial/" + name);
    }

    /** Every Naftiko document of the corpus (the bind value file is data, not a document). */
    static List<String> documents() {
        try (Stream<Path> walk = Files.walk(root())) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.getFileName().toString().equals("secrets.yaml"))
                    .map(p -> root().relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
