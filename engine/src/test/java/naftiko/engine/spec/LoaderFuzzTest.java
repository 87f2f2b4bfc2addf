package naftiko.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 4: a seeded mutation loop over every YAML file in the engine's test resources
 * (fixtures, conformance and real-world corpus) plus hand-made hostile documents. The loader must
 * answer every one with a LoadResult (diagnostics, never an exception), within a time limit, and
 * refuse expansion bombs and oversized documents instead of materialising them.
 */
class LoaderFuzzTest {
    private static final long SEED = 0x9AF71C0L;
    private static final int MUTATIONS = 400;
    private static final Duration PER_CASE = Duration.ofSeconds(20);

    private static List<byte[]> seeds() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            List<byte[]> out = new ArrayList<>();
            for (Path p : yaml) out.add(Files.readAllBytes(p));
            return out;
        }
    }

    private static LoadResult load(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        LoadResult r = assertTimeoutPreemptively(PER_CASE, () -> SpecLoader.load(file), () -> name + " did not load in time");
        assertThat(r).as(name).isNotNull();
        assertThat(r.diagnostics()).as(name).isNotNull();
        if (r.spec() == null) assertThat(r.diagnostics()).as(name + ": no spec and no diagnostic").isNotEmpty();
        return r;
    }

    @Test
    void mutatedFilesOnlyEverProduceDiagnostics(@TempDir Path dir) throws IOException {
        List<byte[]> seeds = seeds();
        assertThat(seeds).as("fixtures and corpus under src/test/resources").hasSizeGreaterThan(20);
        Random random = new Random(SEED);
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] mutated = mutate(seed, random);
            load(dir, "case-" + i + ".yaml", mutated);
        }
    }

    static byte[] mutate(byte[] seed, Random random) {
        String text = new String(seed, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(Math.max(1, lines.size()));
        switch (random.nextInt(9)) {
            case 0 -> { // truncation
                return Arrays.copyOf(seed, random.nextInt(seed.length + 1));
            }
            case 1 -> lines.remove(line); // deleted key (or list item, or block line)
            case 2 -> { // type swap of a value
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                String[] values = {"[1, 2]", "{a: 1}", "42", "null", "true", "\"\"", "-", "[[[]]]", "0x1F", "~"};
                String v = values[random.nextInt(values.length)];
                lines.set(line, colon > 0 ? l.substring(0, colon + 2) + v : l + ": " + v);
            }
            case 3 -> { // random bytes, control characters included
                byte[] out = seed.clone();
                int n = 1 + random.nextInt(8);
                for (int k = 0; k < n && out.length > 0; k++) out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                return out;
            }
            case 4 -> lines.add(line, lines.get(random.nextInt(lines.size()))); // duplicated line (duplicate keys)
            case 5 -> { // indentation shift
                String l = lines.get(line);
                lines.set(line, random.nextBoolean() ? "  " + l : l.stripLeading());
            }
            case 6 -> { // renamed key
                String l = lines.get(line);
                int colon = l.indexOf(':');
                if (colon > 0) lines.set(line, l.substring(0, colon) + "x" + l.substring(colon));
            }
            case 7 -> lines.add(line, "    ".repeat(random.nextInt(4)) + "&a " + "*a"); // dangling anchors and aliases
            default -> { // a value replaced by a long string
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                if (colon > 0) lines.set(line, l.substring(0, colon + 2) + "\"" + "x".repeat(random.nextInt(200_000)) + "\"");
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deepNestingIsADiagnostic(@TempDir Path dir) throws IOException {
        int depth = 10_000;
        String flow = "naftiko: 1.0.0-alpha2\ninfo: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
        assertThat(load(dir, "flow-deep.yaml", flow.getBytes(StandardCharsets.UTF_8)).hasErrors(false)).isTrue();
        StringBuilder block = new StringBuilder("naftiko: 1.0.0-alpha2\ninfo:\n");
        for (int i = 0; i < depth; i++) block.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
        load(dir, "block-deep.yaml", block.toString().getBytes(StandardCharsets.UTF_8));
        String maps = "naftiko: 1.0.0-alpha2\ninfo: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
        assertThat(load(dir, "map-deep.yaml", maps.getBytes(StandardCharsets.UTF_8)).hasErrors(false)).isTrue();
    }

    @Test
    void billionLaughsIsRefusedNotExpanded(@TempDir Path dir) throws IOException {
        StringBuilder y = new StringBuilder("naftiko: 1.0.0-alpha2\na0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 10; k++) y.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            y.append("]\n");
        }
        y.append("info:\n  label: *a9\n");
        LoadResult r = load(dir, "laughs.yaml", y.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(r.hasErrors(false)).isTrue();
        assertThat(r.diagnostics().toString()).containsIgnoringCase("alias");
    }

    @Test
    void recursiveAliasesAreADiagnostic(@TempDir Path dir) throws IOException {
        load(dir, "recursive.yaml", "naftiko: 1.0.0-alpha2\ninfo: &x\n  label: *x\n".getBytes(StandardCharsets.UTF_8));
        load(dir, "recursive-seq.yaml", "naftiko: 1.0.0-alpha2\ninfo: &x [*x]\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hugeStringsAndDocumentsAreBounded(@TempDir Path dir) throws IOException {
        String huge = "naftiko: 1.0.0-alpha2\ninfo:\n  label: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n";
        load(dir, "huge-string.yaml", huge.getBytes(StandardCharsets.UTF_8));
        byte[] tooBig = new byte[11 * 1024 * 1024];
        Arrays.fill(tooBig, (byte) 'a');
        byte[] head = "naftiko: 1.0.0-alpha2\ninfo:\n  description: ".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, tooBig, 0, head.length);
        LoadResult r = load(dir, "too-big.yaml", tooBig);
        assertThat(r.hasErrors(false)).isTrue();
        assertThat(r.spec()).isNull();
        assertThat(r.diagnostics().toString()).contains("larger than");
        StringBuilder many = new StringBuilder("naftiko: 1.0.0-alpha2\nbinds:\n");
        for (int i = 0; i < 20_000; i++) many.append("  - namespace: n").append(i).append("\n    keys: {K").append(i).append(": V}\n");
        load(dir, "many-keys.yaml", many.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oddEncodingsAreDiagnostics(@TempDir Path dir) throws IOException {
        load(dir, "empty.yaml", new byte[0]);
        load(dir, "bom.yaml", "\uFEFFnaftiko: 1.0.0-alpha2\n".getBytes(StandardCharsets.UTF_8));
        load(dir, "latin1.yaml", new byte[] {'a', ':', ' ', (byte) 0xE9, (byte) 0xFF, '\n'});
        load(dir, "nul.yaml", new byte[] {'a', ':', 0, '\n'});
        load(dir, "tabs.yaml", "naftiko: 1.0.0-alpha2\ninfo:\n\tlabel: x\n".getBytes(StandardCharsets.UTF_8));
        load(dir, "multi.yaml", "naftiko: 1.0.0-alpha2\n---\nnaftiko: 2\n---\n".getBytes(StandardCharsets.UTF_8));
        load(dir, "scalar.yaml", "just a string".getBytes(StandardCharsets.UTF_8));
        load(dir, "tags.yaml", "naftiko: !!binary aGk=\ninfo: !custom {a: 1}\n".getBytes(StandardCharsets.UTF_8));
    }
}
