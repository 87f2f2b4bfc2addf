package naftiko.engine.run;

import java.time.Duration;
import java.util.List;

/** A running server for one or more exposures (REST, MCP over HTTP or stdio, control). */
public interface ExposureServer {

    /** Starts listening; throws with a one-line message when the port cannot be bound. */
    void start();

    /** Stops accepting, lets in-flight requests finish up to {@code grace}, then closes. */
    void stop(Duration grace);

    /** Lines printed at start-up: one per route or the MCP URL with its tool count. */
    List<String> describe();
}
