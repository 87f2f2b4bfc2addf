package naftiko.cli;

import java.util.concurrent.ForkJoinPool;

/** Runs {@code naftiko --version} through {@link Main#main}, then reports the common pool's parallelism on exit. */
public final class JvmProbe {
    private JvmProbe() {}

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("common-pool-parallelism=" + ForkJoinPool.getCommonPoolParallelism())));
        Main.main(new String[] {"--version"});
    }
}
