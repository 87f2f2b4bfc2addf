package naftiko.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import naftiko.cli.validate.Checked;
import naftiko.cli.validate.JsonFormat;
import naftiko.cli.validate.JunitFormat;
import naftiko.cli.validate.Targets;
import naftiko.cli.validate.TextFormat;
import naftiko.engine.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naftiko validate}: load files like {@code run} would and report every problem with its location. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check capability files without running them: YAML syntax, the 1.0.0-alpha2 shape, references, "
                    + "namespaces, ports, placeholders and templates. Tolerated deviations from the schema are warnings "
                    + "(errors with --strict).",
            "",
            "Directories are searched recursively for *.yaml/*.yml files whose first key is 'naftiko'. "
                    + "Text output: path:LINE:COL: error|warning [rule] message (hint), then a summary line."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors", "1:at least one error", "2:usage error (unknown option, missing path)"})
public final class ValidateCommand implements Callable<Integer> {
    public enum Format { text, json, junit }

    @Option(names = "--strict", description = "Treat every tolerated deviation (leniency warning) as an error.")
    boolean strict;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (one line per problem and a summary), json (an array with one object per file) "
                    + "or junit (JUnit XML, one testcase per file). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Capability files or directories.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintStream out = System.out;
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("naftiko validate: " + p + ": no such file or directory");
                return 2;
            }
        }
        List<Checked> results = new ArrayList<>();
        for (Path file : Targets.expand(paths)) {
            results.add(new Checked(file, SpecLoader.load(file).diagnostics(strict)));
        }
        switch (format) {
            case json -> JsonFormat.write(results, out);
            case junit -> JunitFormat.write(results, out);
            default -> TextFormat.write(results, out, TextFormat.colours());
        }
        out.flush();
        return results.stream().anyMatch(Checked::hasErrors) ? 1 : 0;
    }
}
