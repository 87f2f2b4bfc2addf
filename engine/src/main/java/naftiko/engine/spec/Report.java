package naftiko.engine.spec;

import java.nio.file.Path;
import java.util.List;
import naftiko.engine.spec.model.SourcePos;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Collects the diagnostics of one load. Each instance is bound to the file whose nodes it locates;
 * imported files get their own instance sharing the same sink, so every problem keeps its own home.
 */
public final class Report {
    private final Path file;
    private final List<Diagnostic> sink;

    public Report(Path file, List<Diagnostic> sink) {
        this.file = file;
        this.sink = sink;
    }

    public Path file() {
        return file;
    }

    /** The same sink, locating nodes of another file. */
    public Report forFile(Path other) {
        return new Report(other, sink);
    }

    public SourcePos pos(Node node) {
        if (node == null) return new SourcePos(file, 0, 0);
        return pos(node.getStartMark().orElse(null));
    }

    public SourcePos pos(Mark mark) {
        if (mark == null) return new SourcePos(file, 0, 0);
        return new SourcePos(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public SourcePos fileStart() {
        return new SourcePos(file, 1, 1);
    }

    public void add(Diagnostic d) {
        sink.add(d);
    }

    public void error(String rule, String message, String hint, SourcePos pos) {
        sink.add(Diagnostic.error(rule, message, hint, pos));
    }

    public void warning(String rule, String message, String hint, SourcePos pos) {
        sink.add(Diagnostic.warning(rule, message, hint, pos));
    }

    public void leniency(String rule, String message, String hint, SourcePos pos) {
        sink.add(Diagnostic.leniency(rule, message, hint, pos));
    }

    public boolean hasErrors() {
        return sink.stream().anyMatch(Diagnostic::isError);
    }
}
