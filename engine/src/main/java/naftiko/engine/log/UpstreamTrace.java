package naftiko.engine.log;

/**
 * What one inbound request learnt about its upstream calls, for the request log line: the status
 * of the last upstream response (0 while none has answered). Written by the engine when a response
 * arrives, read by the adapter when it logs the request.
 */
public final class UpstreamTrace {

    private volatile int lastStatus;

    public void record(int status) {
        lastStatus = status;
    }

    /** The last upstream status, or 0 when no upstream answered (mock, dry run, failure). */
    public int lastStatus() {
        return lastStatus;
    }
}
