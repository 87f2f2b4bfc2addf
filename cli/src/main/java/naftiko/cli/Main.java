package naftiko.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code naftiko}: validate, call and run Naftiko capability files. */
@Command(
        name = "naftiko",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runtime for Naftiko capability files (naftiko: 1.0.0-alpha2).")
public final class Main implements Runnable {

    /** The subcommands' names, in the order help lists them. */
    static final String[] SUBCOMMANDS = {"validate", "call", "run", "inspect", "list"};

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        JvmDefaults.apply(); // before anything starts the ForkJoinPool common pool
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 findings/upstream error, 2 usage). */
    public static int execute(String... args) {
        CommandLine cl = commandLine(args);
        cl.setExitCodeExceptionMapper(t -> 2);
        return cl.execute(args);
    }

    /**
     * The command line for these arguments. picocli reads every option annotation of a command when it
     * is added (about 160 ms of a start's CPU for all five), so a command line naming one subcommand gets
     * only that one; help, version and mistakes get all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        Object named = args.length > 0 ? subcommand(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(named);
        } else {
            for (String name : SUBCOMMANDS) cl.addSubcommand(subcommand(name));
        }
        return cl;
    }

    private static Object subcommand(String name) {
        switch (name) {
            case "validate": return new ValidateCommand();
            case "call": return new CallCommand();
            case "run": return new RunCommand();
            case "inspect": return new InspectCommand();
            case "list": return new ListCommand();
            default: return null;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
