package naftiko.engine.spec.read;

import java.util.List;
import naftiko.engine.spec.model.Authentication;

/** The {@code authentication} object (§13.1); which fields are known depends on {@code type}. */
final class AuthReader {
    static final List<String> TYPES = List.of("basic", "digest", "bearer", "apikey", "oauth2");

    private AuthReader() {}

    static Authentication read(YamlMap owner) {
        YamlMap m = owner.map("authentication", "authentication of " + owner.what());
        if (m == null) return null;
        String type = m.oneOf("type", TYPES);
        if (type == null) {
            if (!m.has("type")) m.missing("type");
            m.unknownFieldsIgnoringAll();
            return null;
        }
        String username = null, password = null, token = null, key = null, value = null, placement = null;
        String asUri = null, resource = null, audience = null, tokenEndpoint = null, tokenValidation = null;
        List<String> scopes = null;
        switch (type) {
            case "basic", "digest" -> {
                username = m.string("username");
                password = m.string("password");
            }
            case "bearer" -> token = m.string("token");
            case "apikey" -> {
                key = m.string("key");
                value = m.string("value");
                placement = m.oneOf("placement", List.of("header", "query"));
            }
            default -> {
                asUri = m.requiredString("authorizationServerUri");
                resource = m.requiredString("resource");
                scopes = m.has("scopes") ? m.strings("scopes") : null;
                audience = m.string("audience");
                tokenEndpoint = m.string("tokenEndpoint");
                tokenValidation = m.oneOf("tokenValidation", List.of("jwks", "introspection"));
            }
        }
        m.unknownFields();
        return new Authentication(type, username, password, token, key, value, placement, asUri, resource, scopes,
                audience, tokenEndpoint, tokenValidation, m.pos());
    }
}
