package naftiko.cli.validate;

import java.io.PrintStream;
import java.util.List;
import naftiko.engine.spec.Diagnostic;

/** JUnit XML for CI systems: one testcase per file, failing with its errors; warnings go to system-out. */
public final class JunitFormat {
    private JunitFormat() {}

    public static void write(List<Checked> results, PrintStream out) {
        long failures = results.stream().filter(Checked::hasErrors).count();
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"naftiko validate\" tests=\"" + results.size() + "\" failures=\"" + failures + "\" errors=\"0\">");
        out.println("  <testsuite name=\"naftiko validate\" tests=\"" + results.size() + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">");
        for (Checked c : results) {
            String name = Checked.display(c.file());
            out.print("    <testcase classname=\"naftiko.validate\" name=\"" + xml(name) + "\" file=\"" + xml(name) + "\"");
            if (c.diagnostics().isEmpty()) {
                out.println("/>");
                continue;
            }
            out.println(">");
            if (c.hasErrors()) {
                StringBuilder text = new StringBuilder();
                for (Diagnostic d : c.diagnostics()) if (d.isError()) text.append(line(c, d)).append('\n');
                out.println("      <failure type=\"naftiko.validate\" message=\"" + c.errors() + " error" + (c.errors() == 1 ? "" : "s")
                        + "\">" + xml(text.toString()) + "</failure>");
            }
            if (c.warnings() > 0) {
                StringBuilder text = new StringBuilder();
                for (Diagnostic d : c.diagnostics()) if (!d.isError()) text.append(line(c, d)).append('\n');
                out.println("      <system-out>" + xml(text.toString()) + "</system-out>");
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
    }

    private static String line(Checked c, Diagnostic d) {
        String s = c.where(d) + ": " + d.severity().label() + " [" + d.rule() + "] " + d.message();
        return d.hint() == null ? s : s + " (" + d.hint() + ")";
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') b.append("?");
                    else b.append(ch);
                }
            }
        }
        return b.toString();
    }
}
