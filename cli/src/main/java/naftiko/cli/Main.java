package naftiko.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code naftiko}: validate, call and run Naftiko capability files. */
@Command(
        name = "naftiko",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runtime for Naftiko capability files (naftiko: 1.0.0-alpha2).",
        subcommands = {ValidateCommand.class, CallCommand.class, RunCommand.class, InspectCommand.class, ListCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        JvmDefaults.apply(); // before anything starts the ForkJoinPool common pool
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 findings/upstream error, 2 usage). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(t -> 2);
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
