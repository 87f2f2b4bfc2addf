package naftiko.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenFilesTest {

    private static final String A = "naftiko: 1.0.0-alpha2\ncapability: {a: 1}\n";
    private static final String B = "naftiko: 1.0.0-alpha2\ncapability: {b: 2}\n"; // same length as A

    private static void write(Path f, String text, FileTime modified) throws Exception {
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, modified);
    }

    @Test
    void aFileWhoseSizeAndTimeAreUnchangedIsNotReadAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        write(f, A, old);
        SeenFiles seen = new SeenFiles();
        CapabilityFiles.Seen first = seen.seen(f);
        assertThat(first).isEqualTo(CapabilityFiles.seen(f));

        write(f, B, old); // same size, same time: the stamp says unchanged, so the cached reading stands
        assertThat(seen.seen(f)).isEqualTo(first);

        Files.setLastModifiedTime(f, FileTime.fromMillis(old.toMillis() + 1000)); // a new time: read again
        assertThat(seen.seen(f)).isEqualTo(CapabilityFiles.seen(f)).isNotEqualTo(first);
    }

    @Test
    void aRecentlyModifiedFileIsReadEveryTime(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.yaml");
        FileTime now = FileTime.fromMillis(System.currentTimeMillis());
        write(f, A, now);
        SeenFiles seen = new SeenFiles();
        CapabilityFiles.Seen first = seen.seen(f);
        write(f, B, now); // a second write in the same timestamp tick
        assertThat(seen.seen(f)).isNotEqualTo(first).isEqualTo(CapabilityFiles.seen(f));
    }

    @Test
    void aDeletedOrAddedFileShowsAtOnce(@TempDir Path dir) throws Exception {
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        write(dir.resolve("a.yaml"), A, old);
        SeenFiles seen = new SeenFiles();
        Set<Path> visited = new HashSet<>();
        assertThat(seen.scan(dir, visited)).containsOnlyKeys(dir.resolve("a.yaml"));
        write(dir.resolve("b.yaml"), B, old);
        Files.delete(dir.resolve("a.yaml"));
        Map<Path, CapabilityFiles.Seen> now = seen.scan(dir, visited);
        assertThat(now).containsOnlyKeys(dir.resolve("b.yaml"));
        assertThat(now).isEqualTo(CapabilityFiles.scan(dir));
        assertThat(seen.seen(dir.resolve("a.yaml"))).isNull();
    }
}
