package naftiko.cli.validate;

import java.io.PrintStream;
import java.util.List;
import naftiko.engine.spec.Diagnostic;

/** {@code path:LINE:COL: error|warning [rule] message (hint)} per problem, then {@code N files, E errors, W warnings}. */
public final class TextFormat {
    private static final String RED = "\u001b[31m", YELLOW = "\u001b[33m", BOLD = "\u001b[1m", RESET = "\u001b[0m";

    private TextFormat() {}

    /** Colours only for a terminal, and never when NO_COLOR is set. */
    public static boolean colours() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    public static void write(List<Checked> results, PrintStream out, boolean colours) {
        long errors = 0, warnings = 0;
        for (Checked c : results) {
            for (Diagnostic d : c.diagnostics()) {
                String severity = d.severity().label();
                if (colours) severity = (d.isError() ? RED : YELLOW) + BOLD + severity + RESET;
                StringBuilder line = new StringBuilder(c.where(d)).append(": ").append(severity)
                        .append(" [").append(d.rule()).append("] ").append(d.message());
                if (d.hint() != null && !d.hint().isBlank()) line.append(" (").append(d.hint()).append(')');
                out.println(line);
            }
            errors += c.errors();
            warnings += c.warnings();
        }
        out.println(plural(results.size(), "file") + ", " + plural(errors, "error") + ", " + plural(warnings, "warning"));
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
