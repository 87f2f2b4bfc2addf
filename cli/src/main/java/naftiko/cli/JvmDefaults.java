package naftiko.cli;

/**
 * JVM settings the runtime needs whichever way it is started ({@code ./naftiko}, {@code java -jar},
 * a container). Applied first thing in {@link Main#main}, before anything touches the common pool
 * or JMX; a value given on the command line ({@code -D...}) always wins.
 */
final class JvmDefaults {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final String MBEAN_SERVER_BUILDER = "javax.management.builder.initial";

    private JvmDefaults() {}

    /**
     * Common-pool parallelism of at least 2: with 2 cores or fewer the JDK runs every
     * CompletableFuture "async" step on a brand-new thread, and the JDK HttpClient takes one such
     * step per upstream call (measured: 3x fewer requests per second). Same rule as the launcher.
     * And no platform MBean server (see {@link JmxOff}): ~170 ms of CPU less per start.
     */
    static void apply() {
        if (System.getProperty(PARALLELISM) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            System.setProperty(PARALLELISM, String.valueOf(cores > 3 ? cores - 1 : 2));
        }
        if (System.getProperty(MBEAN_SERVER_BUILDER) == null) {
            System.setProperty(MBEAN_SERVER_BUILDER, JmxOff.class.getName());
        }
    }
}
