package naftiko.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import naftiko.engine.log.EventLog;
import naftiko.engine.log.LogFormat;
import naftiko.engine.log.LogLevel;
import naftiko.engine.run.EngineOptions;
import naftiko.engine.run.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code naftiko run PATH...}: plans each capability and serves its REST and MCP exposures until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve every REST and MCP exposure of the capability files and folders until SIGINT/SIGTERM.",
            "Exposures asking for the same address:port share one server; MCP exposures sharing a port answer",
            "at /mcp/<namespace>, and all together at /mcp when their names are unique.",
            "Prints one line per mounted route, then a 'naftiko ready:' line. Logs go to stderr.",
            "A file with errors is reported and skipped while the others run. Exit 2 when nothing can be",
            "served (every file has errors or cannot be planned) or a port is taken."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Capability files, folders of them (every .yaml/.yml/.json whose first key is naftiko), "
                    + "or the name of a bundled capability (e.g. posthog-task-runs).")
    List<String> files;

    @Option(names = "--watch", negatable = true,
            description = "Mount, remount and unmount files as they are added, changed or removed "
                    + "(default: on when a folder is given; --no-watch turns it off).")
    Boolean watch;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Log lines on stderr as 'text' (key=value) or 'json' (default: ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "debug, info (one line per request), warn, error or off (default: ${DEFAULT-VALUE}).")
    String logLevel;

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

    @Option(names = "--control-port", paramLabel = "PORT",
            description = "Serve /health/live, /health/ready, /status and /metrics on this port (default: the file's control exposure, else off).")
    Integer controlPort;

    @Option(names = "--control-address", paramLabel = "ADDR",
            description = "Listen address of the control port (default: the file's, else 127.0.0.1).")
    String controlAddress;

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
        try {
            EventLog.configure(LogFormat.parse(logFormat), LogLevel.parse(logLevel), null);
        } catch (IllegalArgumentException e) {
            System.err.println("naftiko run: " + e.getMessage());
            return 2;
        }
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
