package naftiko.engine.run;

import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.spec.model.SourcePos;

/**
 * One {@code exposes: type: rest}: where to listen and what to route.
 *
 * @param address the address from the file, else {@code 127.0.0.1}
 * @param auth    inbound authentication, or null when the exposure declares none
 * @param routes  in declaration order
 */
public record RestEndpoint(String namespace, String address, int port, InboundAuth auth,
                           List<RestRoute> routes, SourcePos pos) {

    /**
     * A compiled route. {@code pathTemplate} is the exposed path as written ({@code {x}} or
     * {@code {{x}}} placeholders); {@code method} is upper-case, or {@code *} for a forward relay
     * that takes any method (a variable named {@code path} then matches the rest of the path).
     */
    public record RestRoute(String pathTemplate, String method, Unit unit, boolean forward) {}
}
