package naftiko.engine.auth.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.auth.InboundAuth.Verdict;
import naftiko.engine.spec.model.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Claim checks with a configured key and a fixed clock (no network). */
class OAuth2ResourceServerTest {

    private static final String ISSUER = "https://as.shipyard.test";
    private static final String RESOURCE = "https://api.shipyard.test/mcp";
    private final JwksCacheTest.ManualClock clock = new JwksCacheTest.ManualClock();
    private ECKey key;
    private InboundAuth auth;

    private static Authentication oauth2(List<String> scopes, String audience, String validation) {
        return new Authentication("oauth2", null, null, null, null, null, null, "{{AS}}", RESOURCE, scopes, audience,
                null, validation, null);
    }

    private static final UnaryOperator<String> RENDER = s -> s == null ? null : s.replace("{{AS}}", ISSUER + "/");

    @BeforeEach
    void setUp() throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        auth = InboundAuth.oauth2(OAuth2ResourceServer.withKeys(oauth2(List.of("read"), null, null), RENDER, "api",
                new JWKSet(key), clock), "api");
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = clock.instant();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of("other", RESOURCE))
                .expirationTime(Date.from(now.plusSeconds(60))).claim("scp", List.of("read", "write"));
    }

    private Verdict check(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k").build(), claims);
        jwt.sign(new ECDSASigner(key));
        return check("Bearer " + jwt.serialize());
    }

    private Verdict check(String header) {
        return auth.checkAsync(n -> n.equals("authorization") ? header : null, n -> null).join();
    }

    @Test
    void acceptsAudienceDefaultingToResourceAndScpScopes() throws Exception {
        assertThat(check(claims().build()).accepted()).isTrue();
        assertThat(auth.credentialHeaders()).containsExactly("authorization");
    }

    @Test
    void toleratesSixtySecondsOfSkewAndNoMore() throws Exception {
        Instant now = clock.instant();
        assertThat(check(claims().expirationTime(Date.from(now.minusSeconds(50))).build()).accepted()).isTrue();
        assertThat(check(claims().expirationTime(Date.from(now.minusSeconds(70))).build()).reason()).isEqualTo("the token has expired");
        assertThat(check(claims().notBeforeTime(Date.from(now.plusSeconds(50))).build()).accepted()).isTrue();
        assertThat(check(claims().notBeforeTime(Date.from(now.plusSeconds(70))).build()).accepted()).isFalse();
    }

    @Test
    void refusesSymmetricAlgorithmsAndMissingHeaders() throws Exception {
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        hmac.sign(new MACSigner(new byte[32]));
        Verdict v = check("Bearer " + hmac.serialize());
        assertThat(v.status()).isEqualTo(401);
        assertThat(v.reason()).contains("HS256");
        Verdict missing = check((String) null);
        assertThat(missing.challenge()).doesNotContain("error=").contains("resource_metadata=\"https://api.shipyard.test/.well-known/oauth-protected-resource/mcp\"");
        assertThat(check("Basic dTpw").reason()).isEqualTo("missing bearer token");
    }

    @Test
    void insufficientScopeIs403() throws Exception {
        Verdict v = check(claims().claim("scp", null).claim("scope", "write").build());
        assertThat(v.status()).isEqualTo(403);
        assertThat(v.challenge()).contains("error=\"insufficient_scope\"");
    }

    @Test
    void metadataDocumentAndPaths() {
        ProtectedResourceMetadata m = auth.protectedResourceMetadata();
        assertThat(m.paths()).containsExactly("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp");
        assertThat(new String(m.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"resource\":\"" + RESOURCE
                + "\",\"authorization_servers\":[\"" + ISSUER + "/\"],\"scopes_supported\":[\"read\"],\"bearer_methods_supported\":[\"header\"]}");
    }

    @Test
    void refusesIntrospectionAndRelativeUris() {
        assertThatThrownBy(() -> OAuth2ResourceServer.of(oauth2(List.of(), null, "introspection"), RENDER, "api"))
                .hasMessageContaining("introspection");
        assertThatThrownBy(() -> OAuth2ResourceServer.of(oauth2(List.of(), null, null), s -> "/relative", "api"))
                .hasMessageContaining("absolute URL");
    }
}
