package naftiko.rest.route;

import java.util.Map;
import naftiko.engine.run.RestEndpoint.RestRoute;

/**
 * What routing decided for one request.
 *
 * @param route         the route to run (FOUND)
 * @param template      the matched template, for logs
 * @param variables     route variables, decoded, by the name written in the template
 * @param pathRemainder for forward routes, the raw text matched by {@code {path}} ("" when none)
 * @param allow         the {@code Allow} header value (METHOD_NOT_ALLOWED)
 */
public record Resolution(Kind kind, RestRoute route, String template, Map<String, String> variables,
                         String pathRemainder, String allow) {

    /** BAD_PATH: a malformed percent-escape in the path. */
    public enum Kind { FOUND, NOT_FOUND, METHOD_NOT_ALLOWED, BAD_PATH }

    static Resolution found(RestRoute route, String template, Map<String, String> variables, String remainder) {
        return new Resolution(Kind.FOUND, route, template, variables, remainder, null);
    }

    static Resolution notFound() {
        return new Resolution(Kind.NOT_FOUND, null, null, Map.of(), null, null);
    }

    static Resolution badPath() {
        return new Resolution(Kind.BAD_PATH, null, null, Map.of(), null, null);
    }

    static Resolution methodNotAllowed(String allow) {
        return new Resolution(Kind.METHOD_NOT_ALLOWED, null, null, Map.of(), null, allow);
    }
}
