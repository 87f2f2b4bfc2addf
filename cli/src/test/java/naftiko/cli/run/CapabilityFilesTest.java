package naftiko.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a folder are capabilities, which are only watched, which are ignored. */
class CapabilityFilesTest {

    @Test
    void theFirstKeyDecides() {
        assertThat(CapabilityFiles.firstKeyIsNaftiko("# comment\n\n---\nnaftiko: 1.0.0-alpha2\ncapability: {}\n")).isTrue();
        assertThat(CapabilityFiles.firstKeyIsNaftiko("\"naftiko\": \"1.0.0-alpha2\"\n")).isTrue();
        assertThat(CapabilityFiles.firstKeyIsNaftiko("{\"naftiko\": \"1.0.0-alpha2\", \"capability\": {}}")).isTrue();
        assertThat(CapabilityFiles.firstKeyIsNaftiko("info:\n  label: x\nnaftiko: 1.0.0-alpha2\n")).isFalse();
        assertThat(CapabilityFiles.firstKeyIsNaftiko("naftikoo: 1\n")).isFalse();
        assertThat(CapabilityFiles.firstKeyIsNaftiko("")).isFalse();
    }

    @Test
    void aFolderGivesCapabilitiesInNameOrderAndWatchesSharedDocuments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), "naftiko: 1.0.0-alpha2\ncapability:\n  exposes: []\n");
        Files.writeString(dir.resolve("a.yml"), "naftiko: 1.0.0-alpha2\ncapability:\n  exposes: []\n");
        Files.writeString(dir.resolve("shared.yaml"), "naftiko: 1.0.0-alpha2\nconsumes: []\n");
        Files.writeString(dir.resolve("other.yaml"), "kind: Deployment\n");
        Files.writeString(dir.resolve("notes.txt"), "naftiko: 1.0.0-alpha2\ncapability: {}\n");
        Files.writeString(dir.resolve(".hidden.yaml"), "naftiko: 1.0.0-alpha2\ncapability: {}\n");
        Files.createDirectories(dir.resolve("..data"));
        Files.writeString(dir.resolve("..data/c.yaml"), "naftiko: 1.0.0-alpha2\ncapability: {}\n");
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/up.yaml"), "naftiko: 1.0.0-alpha2\nconsumes: []\n");
        Files.writeString(dir.resolve("shared/nested-capability.yaml"), "naftiko: 1.0.0-alpha2\ncapability: {}\n");

        assertThat(CapabilityFiles.capabilities(dir)).containsExactly(dir.resolve("a.yml"), dir.resolve("b.yaml"));
        Map<Path, CapabilityFiles.Seen> all = CapabilityFiles.scan(dir);
        assertThat(all.keySet()).containsExactlyInAnyOrder(dir.resolve("a.yml"), dir.resolve("b.yaml"),
                dir.resolve("shared.yaml"), dir.resolve("shared/up.yaml"), dir.resolve("shared/nested-capability.yaml"));
        assertThat(all.get(dir.resolve("shared/nested-capability.yaml")).capability()).isFalse(); // only watched
    }

    @Test
    void aChangeOfContentChangesTheFingerprint(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        Files.writeString(f, "naftiko: 1.0.0-alpha2\ncapability: {}\n");
        CapabilityFiles.Seen before = CapabilityFiles.seen(f);
        Files.writeString(f, "naftiko: 1.0.0-alpha2\ncapability: {} # edited\n");
        assertThat(CapabilityFiles.seen(f)).isNotEqualTo(before);
        assertThat(FolderWatch.diff(Map.of(f, before), Map.of())).containsExactly(f);
    }
}
