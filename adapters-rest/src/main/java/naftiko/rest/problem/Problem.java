package naftiko.rest.problem;

import java.util.List;
import java.util.Locale;
import naftiko.engine.run.UnitFailure;

/**
 * An RFC 9457 problem: {@code type} is {@code https://naftiko.dev/problems/<slug>}. Details are
 * written for the client and never carry a stack trace or a secret.
 *
 * @param invalidParams names of the inputs at fault (400 on inputs), else empty
 */
public record Problem(int status, String slug, String title, String detail, List<String> invalidParams) {

    public static final String TYPE_PREFIX = "https://naftiko.dev/problems/";

    public Problem {
        invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public static Problem notFound(String method, String path) {
        return new Problem(404, "not-found", "Not Found",
                "No route matches " + method + " " + path + ".", List.of());
    }

    public static Problem methodNotAllowed(String method, String path, String allow) {
        return new Problem(405, "method-not-allowed", "Method Not Allowed",
                "Method " + method + " is not allowed on " + path + "; allowed: " + allow + ".", List.of());
    }

    public static Problem unauthorized(String reason) {
        return new Problem(401, "unauthorized", "Unauthorized",
                "Authentication failed: " + reason + ".", List.of());
    }

    public static Problem payloadTooLarge(long limit) {
        return new Problem(413, "payload-too-large", "Payload Too Large",
                "The request body exceeds the limit of " + limit + " bytes.", List.of());
    }

    public static Problem unsupportedMediaType(String contentType) {
        return new Problem(415, "unsupported-media-type", "Unsupported Media Type",
                "This operation takes a JSON body but the request has Content-Type '" + contentType
                        + "'; send Content-Type: application/json.", List.of());
    }

    public static Problem invalidJson(String where) {
        return new Problem(400, "invalid-json", "Bad Request",
                "The request body is not valid JSON (" + where + ").", List.of());
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad Request", detail, List.of());
    }

    public static Problem internal() {
        return new Problem(500, "internal-error", "Internal Server Error",
                "The server failed to handle the request; quote the request id when reporting it.", List.of());
    }

    /** A unit failure as the client sees it: status and title from its kind, its safe message. */
    public static Problem of(UnitFailure failure) {
        UnitFailure.Kind kind = failure.kind();
        if (kind == UnitFailure.Kind.INTERNAL) return internal();
        String slug = kind == UnitFailure.Kind.BAD_INPUT ? "invalid-input"
                : kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = failure.getMessage() == null || failure.getMessage().isBlank()
                ? kind.title() : failure.getMessage();
        return new Problem(kind.httpStatus(), slug, kind.title(), detail, failure.inputs());
    }
}
