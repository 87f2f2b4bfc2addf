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
 * order. A request takes the first resource in that order that matches its path and has its method,
 * so an exact path always wins over a templated one. The resources a path matches are found through
 * a {@link SegmentTrie}, so resolving costs the same with 10 resources or 20,000.
 */
public final class RouteTable {

    /** Methods in the order they are listed in {@code Allow}. */
    private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final List<Resource> resources;
    private final SegmentTrie<Resource> index = new SegmentTrie<>();

    private RouteTable(List<Resource> resources) {
        this.resources = resources;
        for (Resource r : resources) index.add(r.template, r);
    }

    public static RouteTable compile(List<RestRoute> routes) {
        Map<String, Resource> byTemplate = new LinkedHashMap<>();
        for (RestRoute route : routes) {
            PathTemplate template = PathTemplate.compile(route.pathTemplate());
            byTemplate.computeIfAbsent(template.text(), k -> new Resource(template)).add(route);
        }
        List<Resource> ordered = new ArrayList<>(byTemplate.values());
        ordered.sort(SPECIFICITY); // List.sort is stable: declaration order breaks ties
        for (int i = 0; i < ordered.size(); i++) ordered.get(i).rank = i;
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
        String[] raw = splitSegments(rawPath);
        String[] decoded = decode(raw);
        if (decoded == null) return Resolution.badPath();
        List<Resource> hits = new ArrayList<>(4);
        index.collect(decoded, hits);
        if (hits.isEmpty()) return Resolution.notFound();
        if (hits.size() > 1) hits.sort(BY_RANK);
        Set<String> allowed = new LinkedHashSet<>();
        String lookup = "HEAD".equals(method) ? "GET" : method;
        for (Resource resource : hits) {
            RestRoute route = resource.byMethod.get(lookup);
            if (route == null && resource.forward != null) route = resource.forward;
            if (route == null && "HEAD".equals(method)) route = resource.byMethod.get("HEAD");
            if (route != null) {
                Map<String, String> variables = new LinkedHashMap<>();
                String remainder = resource.template.match(decoded, raw, variables);
                return Resolution.found(route, resource.template.text(), Map.copyOf(variables),
                        route.forward() ? remainder : null);
            }
            allowed.addAll(resource.byMethod.keySet());
        }
        return Resolution.methodNotAllowed(allowHeader(allowed));
    }

    /** The templates of this table, in matching order. */
    List<PathTemplate> templates() {
        List<PathTemplate> out = new ArrayList<>(resources.size());
        for (Resource r : resources) out.add(r.template);
        return out;
    }

    /** The segments percent-decoded, or null when one has a malformed escape. */
    static String[] decode(String[] raw) {
        String[] decoded = new String[raw.length];
        try {
            for (int i = 0; i < raw.length; i++) decoded[i] = PercentDecoding.decodePathSegment(raw[i]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return decoded;
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

    private static final String[] ROOT = new String[0];

    static String[] splitSegments(String rawPath) {
        if (rawPath.isEmpty() || "/".equals(rawPath)) return ROOT;
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        return p.split("/", -1);
    }

    private static final class Resource {
        final PathTemplate template;
        final Map<String, RestRoute> byMethod = new LinkedHashMap<>();
        RestRoute forward;
        int rank; // position in matching order

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

    private static final Comparator<Resource> BY_RANK = Comparator.comparingInt(r -> r.rank);

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
