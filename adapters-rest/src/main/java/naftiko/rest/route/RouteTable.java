package naftiko.rest.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import naftiko.engine.run.RestEndpoint.RestRoute;

/**
 * The routes of one REST exposure, compiled once at plan time into a list of resources ordered by
 * specificity: at the first position where two templates differ, a literal segment beats a mixed
 * one, which beats a placeholder, which beats a rest-of-path {@code {path}}; ties keep declaration
 * order. Matching walks that list, so an exact path always wins over a templated one.
 */
public final class RouteTable {

    /** Methods in the order they are listed in {@code Allow}. */
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final List<Resource> resources;

    private RouteTable(List<Resource> resources) {
        this.resources = resources;
    }

    public static RouteTable compile(List<RestRoute> routes) {
        Map<String, Resource> byTemplate = new LinkedHashMap<>();
        for (RestRoute route : routes) {
            PathTemplate template = PathTemplate.compile(route.pathTemplate());
            byTemplate.computeIfAbsent(template.text(), k -> new Resource(template)).add(route);
        }
        List<Resource> ordered = new ArrayList<>(byTemplate.values());
        ordered.sort(SPECIFICITY); // List.sort is stable: declaration order breaks ties
        return new RouteTable(List.copyOf(ordered));
    }

    /**
     * Resolves a request. {@code rawPath} is the path as received (percent-encoded); one trailing
     * slash is tolerated when the exact path has no route.
     */
    public Resolution resolve(String method, String rawPath) {
        Resolution r = resolveExact(method, rawPath);
        if (r.kind() == Resolution.Kind.NOT_FOUND && rawPath.length() > 1 && rawPath.endsWith("/")) {
            return resolveExact(method, rawPath.substring(0, rawPath.length() - 1));
        }
        return r;
    }

    private Resolution resolveExact(String method, String rawPath) {
        List<String> raw = splitSegments(rawPath);
        List<String> decoded;
        try {
            decoded = raw.stream().map(PercentDecoding::decodePathSegment).toList();
        } catch (IllegalArgumentException e) {
            return Resolution.badPath();
        }
        Set<String> allowed = new LinkedHashSet<>();
        boolean known = false;
        String lookup = "HEAD".equals(method) ? "GET" : method;
        for (Resource resource : resources) {
            Map<String, String> variables = new LinkedHashMap<>();
            String remainder = resource.template.match(decoded, raw, variables);
            if (remainder == null) continue;
            known = true;
            RestRoute route = resource.byMethod.get(lookup);
            if (route == null && resource.forward != null) route = resource.forward;
            if (route == null && "HEAD".equals(method)) route = resource.byMethod.get("HEAD");
            if (route != null) {
                return Resolution.found(route, resource.template.text(), Map.copyOf(variables),
                        route.forward() ? remainder : null);
            }
            allowed.addAll(resource.byMethod.keySet());
        }
        if (!known) return Resolution.notFound();
        return Resolution.methodNotAllowed(allowHeader(allowed));
    }

    /** {@code GET, PATCH, HEAD, OPTIONS}: declared methods, HEAD where GET exists, then OPTIONS. */
    static String allowHeader(Set<String> methods) {
        List<String> out = new ArrayList<>();
        for (String m : METHOD_ORDER) if (methods.contains(m)) out.add(m);
        for (String m : methods) if (!out.contains(m) && !"HEAD".equals(m)) out.add(m);
        if (methods.contains("GET") || methods.contains("HEAD")) out.add("HEAD");
        out.add("OPTIONS");
        return String.join(", ", out);
    }

    /** Every mounted route as {@code METHOD template}, in the order requests are matched. */
    public List<Mounted> mounted() {
        List<Mounted> out = new ArrayList<>();
        for (Resource r : resources) {
            r.byMethod.values().forEach(route -> out.add(new Mounted(route.method(), r.template.text(), route)));
            if (r.forward != null) out.add(new Mounted("*", r.template.text(), r.forward));
        }
        return out;
    }

    public record Mounted(String method, String path, RestRoute route) {}

    static List<String> splitSegments(String rawPath) {
        if (rawPath.isEmpty() || "/".equals(rawPath)) return List.of();
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return List.of(p.split("/", -1));
    }

    private static final class Resource {
        final PathTemplate template;
        final Map<String, RestRoute> byMethod = new LinkedHashMap<>();
        RestRoute forward;

        Resource(PathTemplate template) {
            this.template = template;
        }

        void add(RestRoute route) {
            if (route.forward() || "*".equals(route.method())) {
                if (forward == null) forward = route;
            } else {
                byMethod.putIfAbsent(route.method(), route); // first declared wins
            }
        }
    }

    private static final Comparator<Resource> SPECIFICITY = (a, b) -> {
        List<PathTemplate.Segment> x = a.template.segments();
        List<PathTemplate.Segment> y = b.template.segments();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = x.get(i).kind.compareTo(y.get(i).kind);
            if (c != 0) return c;
        }
        return 0;
    };
}
