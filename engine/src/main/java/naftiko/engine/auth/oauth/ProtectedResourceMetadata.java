package naftiko.engine.auth.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;

/**
 * The OAuth 2.0 Protected Resource Metadata document (RFC 9728) of one exposure, rendered once.
 * Adapters serve {@link #body()} without authentication at every path of {@link #paths()}.
 *
 * @param url   where a client fetches it, derived from {@code resource} as RFC 9728 §3.1 says
 *              (the well-known segment goes between host and path); sent in {@code resource_metadata}
 * @param paths {@code /.well-known/oauth-protected-resource} and, when {@code resource} has a
 *              path, the same followed by that path
 */
public record ProtectedResourceMetadata(String url, List<String> paths, byte[] body) {

    static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

    static ProtectedResourceMetadata of(String resource, String issuer, List<String> scopes) {
        ObjectNode doc = new ObjectMapper().createObjectNode();
        doc.put("resource", resource);
        doc.putArray("authorization_servers").add(issuer);
        if (scopes != null && !scopes.isEmpty()) scopes.forEach(doc.putArray("scopes_supported")::add);
        doc.putArray("bearer_methods_supported").add("header");
        URI uri = URI.create(resource);
        String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        List<String> paths = path.isEmpty() ? List.of(WELL_KNOWN) : List.of(WELL_KNOWN, WELL_KNOWN + path);
        try {
            return new ProtectedResourceMetadata(origin + WELL_KNOWN + path, paths, new ObjectMapper().writeValueAsBytes(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when an adapter should answer {@code path} with this document. */
    public boolean serves(String path) {
        return paths.contains(path);
    }
}
