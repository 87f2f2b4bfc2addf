package naftiko.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import naftiko.engine.spec.LoadResult;
import naftiko.engine.spec.SpecLoader;
import naftiko.engine.spec.model.Spec;
import picocli.CommandLine.Command;

/** {@code naftiko list}: the capabilities bundled in this jar, with their labels. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the capabilities bundled in naftiko; run one by name from any folder: naftiko run NAME."})
public final class ListCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return run(System.out);
    }

    int run(PrintStream out) {
        List<String> names = BundledCapabilities.names();
        if (names.isEmpty()) {
            out.println("no bundled capability in this build");
            return 0;
        }
        int width = names.stream().mapToInt(n -> base(n).length()).max().orElse(0);
        for (String name : names) {
            java.nio.file.Path copy = BundledCapabilities.copy(name);
            String label = "";
            if (copy != null) {
                LoadResult loaded = SpecLoader.load(copy);
                Spec spec = loaded.spec();
                if (spec != null && spec.info() != null && spec.info().label() != null) label = spec.info().label();
            }
            out.println(String.format("%-" + width + "s  %s", base(name), label).stripTrailing());
        }
        out.flush();
        return 0;
    }

    /** {@code posthog-task-runs.yaml} → {@code posthog-task-runs}, the name {@code run} accepts. */
    private static String base(String file) {
        return file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    }
}
