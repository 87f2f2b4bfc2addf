package naftiko.engine.spec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Turns a file into the node tree of its first YAML document, keeping positions. Every way a file
 * can fail to be YAML (missing, empty, binary, not UTF-8, syntax, hostile aliasing) becomes one
 * diagnostic; this class never throws.
 */
public final class YamlSource {
    /** Capability files are small; anything above this is not one. */
    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 20;
    private static final CoreScalars SCHEMA = new CoreScalars();

    private YamlSource() {}

    /**
     * snakeyaml's reader re-copies its whole unread window each time it refills its buffer, so a
     * long scalar costs O(length² / buffer): a 3 MiB string took 3 s with the default 1,024 chars
     * and 0.3 s with 64 Ki. The text is in memory already; read it in up to 1 Mi-char chunks.
     */
    private static int readBuffer(String text) {
        return Math.max(1024, Math.min(text.length() + 1, 1 << 20));
    }

    /** The root node, or null when the file produced an error (already reported). */
    public static Node read(Path file, Report report) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                report.error(Rules.FILE_UNREADABLE, "is a directory, not a capability file", null, report.fileStart());
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                report.error(Rules.FILE_TOO_LARGE, "file is larger than " + (MAX_BYTES >> 20) + " MiB; not a capability file",
                        null, report.fileStart());
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            report.error(Rules.FILE_UNREADABLE, "file not found", "check the path", report.fileStart());
            return null;
        } catch (IOException | SecurityException e) {
            report.error(Rules.FILE_UNREADABLE, "cannot read file: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, report.fileStart());
            return null;
        }
        return parse(bytes, report);
    }

    /**
     * The root node of a file whose bytes the caller has already read (folder start-up reads each file
     * once), or null when it produced an error (already reported).
     */
    public static Node read(byte[] bytes, Report report) {
        if (bytes.length > MAX_BYTES) {
            report.error(Rules.FILE_TOO_LARGE, "file is larger than " + (MAX_BYTES >> 20) + " MiB; not a capability file",
                    null, report.fileStart());
            return null;
        }
        return parse(bytes, report);
    }

    static Node parse(byte[] bytes, Report report) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                report.error(Rules.FILE_BINARY, "binary file (NUL byte at offset " + i + "); a capability file is UTF-8 YAML text",
                        null, report.fileStart());
                return null;
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            report.error(Rules.FILE_BINARY, "not valid UTF-8 text; a capability file is UTF-8 YAML", null, report.fileStart());
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            report.error(Rules.FILE_EMPTY, "empty file", "a capability file starts with 'naftiko: 1.0.0-alpha2'", report.fileStart());
            return null;
        }
        LoadSettings settings = LoadSettings.builder()
                .setSchema(SCHEMA)
                .setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setBufferSize(readBuffer(text))
                .setAllowRecursiveKeys(false)
                .setLabel(report.file() == null ? "capability" : report.file().toString())
                .build();
        try {
            Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                report.error(Rules.FILE_EMPTY, "no YAML document in the file (only comments?)",
                        "a capability file starts with 'naftiko: 1.0.0-alpha2'", report.fileStart());
                return null;
            }
            return documents.next();
        } catch (MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + e.getContextMark().map(mk -> " at line " + (mk.getLine() + 1)).orElse("") + ")";
            report.error(Rules.YAML_SYNTAX, "YAML syntax error: " + problem + context, null,
                    report.pos(e.getProblemMark().orElse(e.getContextMark().orElse(null))));
            return null;
        } catch (YamlEngineException e) {
            String msg = e.getMessage() == null ? "invalid YAML" : e.getMessage();
            boolean limit = msg.contains("limit") || msg.contains("aliases") || msg.contains("Number of");
            report.error(limit ? Rules.YAML_LIMIT : Rules.YAML_SYNTAX,
                    (limit ? "YAML refused: " : "YAML syntax error: ") + firstLine(msg), null, report.fileStart());
            return null;
        } catch (StackOverflowError e) {
            report.error(Rules.YAML_LIMIT, "YAML nesting is too deep to read", "a capability file nests a few dozen levels at most",
                    report.fileStart());
            return null;
        } catch (RuntimeException e) {
            report.error(Rules.YAML_SYNTAX, "YAML could not be parsed: " + e.getClass().getSimpleName(), null, report.fileStart());
            return null;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
