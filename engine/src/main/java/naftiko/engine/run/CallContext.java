package naftiko.engine.run;

import naftiko.engine.log.UpstreamTrace;

/**
 * Per-call facts that are not inputs: the request id (forwarded upstream as {@code X-Request-Id})
 * and which adapter is calling ({@code rest}, {@code mcp}, {@code cli}); {@code upstream}, when not
 * null, collects the upstream status for the request log line.
 */
public record CallContext(String requestId, String adapter, UpstreamTrace upstream) {

    public CallContext(String requestId, String adapter) {
        this(requestId, adapter, null);
    }

    /** Notes an upstream response's status for the request log (no-op without a trace). */
    public void upstreamAnswered(int status) {
        if (upstream != null) upstream.record(status);
    }
}
