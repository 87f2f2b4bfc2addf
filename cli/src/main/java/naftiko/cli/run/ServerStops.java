package naftiko.cli.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import naftiko.engine.run.ExposureServer;

/**
 * Stops servers all at once, each with the full grace period, and waits for all of them: a
 * shutdown takes one grace period, not one per server. A server whose stop fails is named on
 * stderr and the others still stop.
 */
public final class ServerStops {
    private ServerStops() {}

    public static void all(Iterable<? extends ExposureServer> servers, Duration grace) {
        List<Thread> stopping = new ArrayList<>();
        for (ExposureServer s : servers) {
            Thread t = new Thread(() -> {
                try {
                    s.stop(grace);
                } catch (RuntimeException e) {
                    System.err.println("naftiko: stopping a server failed: " + e.getClass().getSimpleName());
                }
            }, "naftiko-stop");
            t.start();
            stopping.add(t);
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
