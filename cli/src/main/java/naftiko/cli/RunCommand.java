package naftiko.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naftiko run FILE...}: plans each capability and serves its REST and MCP exposures until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve every REST and MCP exposure of the capability files until SIGINT/SIGTERM.",
            "Prints one line per mounted route, then a 'naftiko ready:' line. Logs go to stderr.",
            "Exit 2 when a file has errors, cannot be planned (missing variable, base URI) or a port is taken."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Capability files (or the name of a bundled one, e.g. posthog-task-runs).")
    List<String> files;

    @Option(names = "--base-uri", paramLabel = "NS=URL",
            description = "Base URI of a consumes namespace (wins over the file; needed when the file leaves it empty).")
    Map<String, String> baseUris = new LinkedHashMap<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "KEY=VALUE file of bind values; wins over the environment.")
    Path envFile;

    @Option(names = "--address", paramLabel = "ADDR", description = "Listen address for every exposure (default: the file's, else 127.0.0.1).")
    String address;

    @Option(names = "--port", paramLabel = "NS=PORT", description = "Port of an exposure by namespace (0 picks a free port).")
    Map<String, Integer> ports = new LinkedHashMap<>();

    @Option(names = "--max-body-size", paramLabel = "SIZE", converter = ByteSize.class, defaultValue = "1MiB",
            description = "Largest inbound request body; bigger bodies get 413 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--upstream-timeout", paramLabel = "DURATION", converter = DurationText.class, defaultValue = "30s",
            description = "Whole-request timeout of upstream calls; slower ones get 504 (default: ${DEFAULT-VALUE}).")
    Duration upstreamTimeout;

    @Option(names = "--shutdown-grace", paramLabel = "DURATION", converter = DurationText.class, defaultValue = "10s",
            description = "How long in-flight requests may finish on shutdown (default: ${DEFAULT-VALUE}).")
    Duration shutdownGrace;

    @Option(names = "--dry-run", description = "Send nothing upstream: every call answers with the request it would send.")
    boolean dryRun;

    @Option(names = "--strict", description = "Treat tolerated deviations from the schema as errors.")
    boolean strict;

    @Option(names = "--stdio", description = "Serve the MCP exposure over stdin/stdout (human output then goes to stderr).")
    boolean stdio;

    /** Kept strongly reachable: java.util.logging forgets levels of collected loggers. */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            java.util.logging.Logger.getLogger("io.undertow"), java.util.logging.Logger.getLogger("org.xnio"));

    @Override
    public Integer call() {
        // Undertow and XNIO announce start/stop at INFO; warnings and errors still reach stderr.
        QUIETED.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
        PrintStream human = stdio ? System.err : System.out; // stdout belongs to the MCP protocol then
        RunSession session;
        try {
            session = RunSession.start(this, human, System.err);
        } catch (RunSession.Abort abort) {
            return abort.exitCode();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("naftiko: shutting down (in-flight requests get up to "
                    + shutdownGrace.toMillis() + " ms)");
            session.close();
            stopped.countDown();
        }, "naftiko-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    EngineOptions engineOptions(Map<String, String> extraValues) {
        return new EngineOptions(System.getenv(), extraValues, Map.copyOf(baseUris), dryRun,
                EngineOptions.DEFAULT_CONNECT_TIMEOUT, upstreamTimeout);
    }

    ServeOptions serveOptions() {
        return new ServeOptions(address, Map.copyOf(ports), maxBodyBytes, stdio, shutdownGrace);
    }
}
