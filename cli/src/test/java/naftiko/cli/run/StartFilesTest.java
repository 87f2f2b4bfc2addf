package naftiko.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import naftiko.engine.run.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartFilesTest {

    private static final String CAPABILITY = """
            naftiko: 1.0.0-alpha2
            info:
              label: %s
              description: test
            capability:
              exposes:
              - type: rest
                namespace: %s
                port: 8080
                resources:
                - path: /hello
                  operations:
                  - method: GET
                    name: hello
                    outputParameters:
                    - name: greeting
                      type: string
                      value: hi
            """;

    private static Path write(Path f, String name) throws Exception {
        Files.createDirectories(f.getParent());
        return Files.writeString(f, CAPABILITY.formatted(name, name));
    }

    @Test
    void foldersGiveTheirCapabilitiesByNameAtTheirPlaceAndEachFileLoadsOnce(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("caps");
        Path b = write(folder.resolve("b.yaml"), "b");
        Path a = write(folder.resolve("a.yaml"), "a");
        Files.createDirectories(folder.resolve("shared"));
        Files.writeString(folder.resolve("shared/up.yaml"), "naftiko: 1.0.0-alpha2\nconsumes: []\n");
        Path single = write(dir.resolve("single.yaml"), "single");

        StartFiles.Result r = StartFiles.load(List.of(single, folder, a), Set.of(folder), List.of(single), false,
                EngineOptions.defaults());

        assertThat(r.loads()).extracting(CapabilityLoad::file).containsExactly(single, a, b);
        assertThat(r.loads()).allMatch(CapabilityLoad::ok);
        Map<Path, CapabilityFiles.Seen> initial = r.initial();
        assertThat(initial).containsOnlyKeys(a, b, folder.resolve("shared/up.yaml"), single);
        assertThat(initial.get(folder.resolve("shared/up.yaml")).capability()).isFalse();
        assertThat(initial).isEqualTo(Map.copyOf(merged(CapabilityFiles.scan(folder), single)));
    }

    private static Map<Path, CapabilityFiles.Seen> merged(Map<Path, CapabilityFiles.Seen> folder, Path single) {
        Map<Path, CapabilityFiles.Seen> all = new java.util.HashMap<>(folder);
        all.put(single, CapabilityFiles.seen(single));
        return all;
    }
}
