package naftiko.cli.validate;

import java.nio.file.Path;
import java.util.List;
import naftiko.engine.spec.Diagnostic;
import naftiko.engine.spec.model.SourcePos;

/** One validated file and its diagnostics, as seen in the chosen mode (strict or not). */
public record Checked(Path file, List<Diagnostic> diagnostics) {
    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** The file as the user should read it: relative to the working directory when under it. */
    public static String display(Path p) {
        if (p == null) return "<unknown>";
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs).toString() : p.toString();
    }

    /** {@code path:LINE:COL} of a diagnostic (the checked file when the diagnostic has no position). */
    public String where(Diagnostic d) {
        SourcePos pos = d.pos();
        Path f = pos == null || pos.file() == null ? file : pos.file();
        int line = pos == null ? 0 : pos.line();
        return line <= 0 ? display(f) : display(f) + ":" + line + ":" + pos.column();
    }
}
