package naftiko.engine.spec.model;

import java.nio.file.Path;

/** Where a construct was written: file, 1-based line and 1-based column. */
public record SourcePos(Path file, int line, int column) {
    public static final SourcePos UNKNOWN = new SourcePos(null, 0, 0);

    @Override
    public String toString() {
        String f = file == null ? "<unknown>" : file.toString();
        return line <= 0 ? f : f + ":" + line + ":" + column;
    }
}
