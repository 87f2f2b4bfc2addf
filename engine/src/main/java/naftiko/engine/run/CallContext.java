package naftiko.engine.run;

/**
 * Per-call facts that are not inputs: the request id (forwarded upstream as {@code X-Request-Id})
 * and which adapter is calling ({@code rest}, {@code mcp}, {@code cli}).
 */
public record CallContext(String requestId, String adapter) {}
