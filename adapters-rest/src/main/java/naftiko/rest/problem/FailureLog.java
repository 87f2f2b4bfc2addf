package naftiko.rest.problem;

import java.io.PrintStream;
import naftiko.engine.run.UnitFailure;

/**
 * Server-side record of a failed request, once, on stderr. Exception messages of unexpected
 * failures are left out (they may quote URLs or credentials); class names and frames are enough
 * to find the bug, and the request id ties the line to the client's problem document.
 */
public final class FailureLog {

    private static final int MAX_FRAMES = 8;
    private static volatile PrintStream out = System.err;

    private FailureLog() {}

    /** Tests redirect the log to capture it. */
    public static void redirect(PrintStream stream) {
        out = stream == null ? System.err : stream;
    }

    public static void log(String requestId, String method, String path, String unit, UnitFailure failure) {
        StringBuilder sb = new StringBuilder("naftiko rest: ")
                .append(method).append(' ').append(path).append(" [request ").append(requestId).append("] ")
                .append(unit == null ? "" : unit + ": ").append(failure.kind().httpStatus()).append(' ')
                .append(failure.kind().name());
        if (failure.kind() != UnitFailure.Kind.INTERNAL && failure.getMessage() != null) {
            sb.append(": ").append(failure.getMessage()); // UnitFailure messages are client-safe
        }
        Throwable cause = failure.kind() == UnitFailure.Kind.INTERNAL ? failure.getCause() : null;
        while (cause != null) {
            sb.append(System.lineSeparator()).append("  caused by ").append(cause.getClass().getName());
            StackTraceElement[] frames = cause.getStackTrace();
            for (int i = 0; i < Math.min(MAX_FRAMES, frames.length); i++) {
                sb.append(System.lineSeparator()).append("    at ").append(frames[i]);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        out.println(sb);
    }
}
