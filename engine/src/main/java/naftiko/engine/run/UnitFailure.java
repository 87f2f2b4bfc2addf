package naftiko.engine.run;

import java.util.List;

/**
 * A typed runtime failure. Messages are safe to show to a client: they never carry a secret or a
 * stack trace. REST renders them as problem+json with {@link Kind#httpStatus()}; MCP as JSON-RPC
 * -32602 ({@link Kind#BAD_INPUT}) or as a tool result with {@code isError: true} (upstream kinds).
 */
public final class UnitFailure extends RuntimeException {

    public enum Kind {
        /** Missing or invalid input; {@link #inputs()} names the offending inputs. */
        BAD_INPUT(400, "Bad Request"),
        /** The capability cannot run this call as configured (e.g. no base URI). */
        CONFIGURATION(500, "Configuration Error"),
        UPSTREAM_UNREACHABLE(502, "Upstream Unreachable"),
        UPSTREAM_TIMEOUT(504, "Upstream Timeout"),
        UPSTREAM_TLS(502, "Upstream TLS Failure"),
        UPSTREAM_PROTOCOL(502, "Upstream Protocol Error"),
        UPSTREAM_TOO_LARGE(502, "Upstream Response Too Large"),
        /** Fail-fast: circuit open or too many in-flight requests to the upstream. */
        UPSTREAM_UNAVAILABLE(503, "Upstream Unavailable"),
        INTERNAL(500, "Internal Error");

        private final int httpStatus;
        private final String title;

        Kind(int httpStatus, String title) {
            this.httpStatus = httpStatus;
            this.title = title;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String title() {
            return title;
        }

        public boolean isUpstream() {
            return name().startsWith("UPSTREAM_");
        }
    }

    private final Kind kind;
    private final List<String> inputs;

    public UnitFailure(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public UnitFailure(Kind kind, String message, List<String> inputs) {
        this(kind, message, inputs, null);
    }

    public UnitFailure(Kind kind, String message, List<String> inputs, Throwable cause) {
        super(message, cause, false, cause != null);
        this.kind = kind;
        this.inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    public Kind kind() {
        return kind;
    }

    /** Names of the inputs at fault (BAD_INPUT), else empty. */
    public List<String> inputs() {
        return inputs;
    }

    /** Unwraps a CompletionException/ExecutionException chain into a UnitFailure. */
    public static UnitFailure of(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof UnitFailure u) return u;
            c = c.getCause();
        }
        return new UnitFailure(Kind.INTERNAL, "internal error", List.of(), t);
    }
}
