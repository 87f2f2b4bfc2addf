package naftiko.engine.spec.model;

import java.util.List;

/**
 * Credentials, outbound on consumes or inbound on exposes (SPEC.md §13). One record for every
 * {@code type} (basic, digest, bearer, apikey, oauth2); fields a type does not use are null.
 */
public record Authentication(
        String type,
        String username,
        String password,
        String token,
        String key,
        String value,
        String placement,
        String authorizationServerUri,
        String resource,
        List<String> scopes,
        String audience,
        String tokenEndpoint,
        String tokenValidation,
        SourcePos pos) {}
