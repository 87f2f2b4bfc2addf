package naftiko.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import naftiko.engine.run.PlanException;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inbound OAuth 2.1 (SPEC.md §13.2) through a real REST and a real MCP endpoint: tokens are signed
 * here with local keys; the authorization server's metadata and JWK set come from a fake upstream
 * on 127.0.0.1.
 */
class InboundOAuth2Test {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String MCP_RESOURCE = "https://mcp.shipyard.test/mcp";

    @TempDir
    Path tmp;

    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private FakeUpstream as;
    private Served served;
    private RSAKey k1;
    private ECKey k2;

    @BeforeEach
    void start() throws Exception {
        k1 = new RSAKeyGenerator(2048).keyID("k1").generate();
        k2 = new ECKeyGenerator(Curve.P_256).keyID("k2").generate();
        published.set(new JWKSet(List.<JWK>of(k1.toPublicJWK())));
        as = new FakeUpstream();
        as.answer(r -> switch (r.path()) {
            case "/.well-known/oauth-authorization-server" -> Reply.json(200,
                    "{\"issuer\":\"" + as.baseUri() + "\",\"jwks_uri\":\"" + as.baseUri() + "/jwks\"}");
            case "/jwks" -> Reply.json(200, published.get().toString());
            default -> Reply.json(404, "{}");
        });
        served = Served.start(capabilityFile("oauth2-capability.yaml"), Map.of());
    }

    @AfterEach
    void stop() {
        if (served != null) served.close();
        as.close();
    }

    private Path capabilityFile(String name) throws Exception {
        String text = Files.readString(Path.of(getClass().getResource("/oauth/" + name).toURI()));
        Path file = tmp.resolve(name);
        Files.writeString(file, text.replace("AS_URL", as.baseUri()));
        return file;
    }

    private JWTClaimsSet.Builder claims(String audience, String scope) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(as.baseUri()).audience(audience).subject("captain")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("scope", scope);
    }

    private static String rsa(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String ec(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private HttpResponse<String> rest(String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.url("greeting-rest") + "/hello?name=Ada")).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String restToken(UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        return rsa(k1, edit.apply(claims("greeting-api", "profile greet:read")).build());
    }

    private long jwksFetches() {
        return as.requests().stream().filter(r -> r.path().equals("/jwks")).count();
    }

    @Test
    void restAcceptsAValidToken() throws Exception {
        HttpResponse<String> r = rest(restToken(c -> c));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(McpClient.JSON.readTree(r.body())).isEqualTo(McpClient.JSON.readTree("{\"message\":\"Hello, Ada!\"}"));
        assertThat(as.requests().get(0).path()).isEqualTo("/.well-known/oauth-authorization-server");
        rest(restToken(c -> c));
        assertThat(jwksFetches()).as("keys cached").isEqualTo(1);
    }

    @Test
    void restRejectsAMissingToken() throws Exception {
        HttpResponse<String> r = rest(null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"greeting-rest\", "
                + "scope=\"greet:read profile\", resource_metadata=\"https://api.shipyard.test/.well-known/oauth-protected-resource/greeting\"");
        assertThat(as.requests()).as("no key fetch for a missing token").isEmpty();
    }

    @Test
    void restRejectsBadTokens() throws Exception {
        Instant past = Instant.now().minusSeconds(3600);
        Map<String, String> cases = Map.of(
                "expired", restToken(c -> c.expirationTime(Date.from(past))),
                "not yet", restToken(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))),
                "no exp", restToken(c -> c.expirationTime(null)),
                "wrong iss", restToken(c -> c.issuer("https://evil.test")),
                "wrong aud", restToken(c -> c.audience("https://api.shipyard.test/greeting-other")),
                "bad signature", rsa(new RSAKeyGenerator(2048).keyID("k1").generate(), claims("greeting-api", "profile greet:read").build()),
                "not a jwt", "abc.def",
                "alg none", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = rest(c.getValue());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(401);
            assertThat(r.headers().firstValue("www-authenticate").orElseThrow()).as(c.getKey())
                    .startsWith("Bearer realm=\"greeting-rest\", error=\"invalid_token\"")
                    .contains("resource_metadata=\"https://api.shipyard.test/.well-known/oauth-protected-resource/greeting\"");
            assertThat(r.body()).as(c.getKey()).doesNotContain(c.getValue());
        }
    }

    @Test
    void restForbidsAMissingScope() throws Exception {
        HttpResponse<String> r = rest(rsa(k1, claims("greeting-api", "profile").build()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error=\"insufficient_scope\"").contains("greet:read");
    }

    @Test
    void unknownKidTriggersOneRefreshThenTheRotatedKeyIsAccepted() throws Exception {
        assertThat(rest(restToken(c -> c)).statusCode()).isEqualTo(200);
        published.set(new JWKSet(List.<JWK>of(k2.toPublicJWK())));
        HttpResponse<String> rotated = rest(ec(k2, claims("greeting-api", "greet:read profile").build()));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(jwksFetches()).isEqualTo(2);
        ECKey forged = new ECKeyGenerator(Curve.P_256).keyID("k3").generate();
        assertThat(rest(ec(forged, claims("greeting-api", "greet:read profile").build())).statusCode()).isEqualTo(401);
        assertThat(jwksFetches()).as("at most one early refresh per 30 s").isEqualTo(2);
    }

    @Test
    void protectedResourceMetadataIsPublic() throws Exception {
        String expected = "{\"resource\":\"" + MCP_RESOURCE + "\",\"authorization_servers\":[\"" + as.baseUri()
                + "\"],\"scopes_supported\":[\"greet\"],\"bearer_methods_supported\":[\"header\"]}";
        String base = served.url("greeting-mcp").replace("/mcp", "");
        for (String path : List.of("/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(McpClient.JSON.readTree(r.body())).isEqualTo(McpClient.JSON.readTree(expected));
        }
        HttpResponse<String> rest = HTTP.send(HttpRequest.newBuilder(URI.create(served.url("greeting-rest")
                + "/.well-known/oauth-protected-resource/greeting")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(McpClient.JSON.readTree(rest.body()).get("resource").asText()).isEqualTo("https://api.shipyard.test/greeting");
    }

    @Test
    void mcpRejectsMissingAndExpiredTokensAndAcceptsAValidOne() throws Exception {
        McpClient anonymous = served.mcp("greeting-mcp");
        HttpResponse<String> missing = anonymous.initialize();
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"greeting-mcp\", scope=\"greet\", "
                + "resource_metadata=\"https://mcp.shipyard.test/.well-known/oauth-protected-resource/mcp\"");

        Instant past = Instant.now().minusSeconds(3600);
        String expired = rsa(k1, claims(MCP_RESOURCE, "greet").expirationTime(Date.from(past)).build());
        HttpResponse<String> late = served.mcp("greeting-mcp").authorization("Bearer " + expired).initialize();
        assertThat(late.statusCode()).isEqualTo(401);
        assertThat(late.headers().firstValue("www-authenticate").orElseThrow())
                .contains("error=\"invalid_token\"").contains("resource_metadata=");

        String noScope = rsa(k1, claims(MCP_RESOURCE, "other").build());
        assertThat(served.mcp("greeting-mcp").authorization("Bearer " + noScope).initialize().statusCode()).isEqualTo(403);

        String valid = rsa(k1, claims(MCP_RESOURCE, "greet").build());
        JsonNode hello = served.mcp("greeting-mcp").authorization("Bearer " + valid).callToolJson("hello", Map.of("name", "Ada"));
        assertThat(hello).isEqualTo(McpClient.JSON.readTree("{\"message\":\"Hello, Ada!\"}"));
    }

    @Test
    void introspectionIsRefusedAtPlanTime() throws Exception {
        Path file = capabilityFile("oauth2-capability.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("type: \"oauth2\"\n",
                "type: \"oauth2\"\n        tokenValidation: \"introspection\"\n"));
        assertThatThrownBy(() -> Served.plan(file, Map.of())).isInstanceOf(PlanException.class)
                .hasMessageContaining("introspection").hasMessageContaining("jwks");
    }

    @Test
    void inboundDigestIsRefusedAtPlanTime() throws Exception {
        Path file = capabilityFile("oauth2-capability.yaml");
        String text = Files.readString(file);
        int start = text.indexOf("      authentication:");
        int end = text.indexOf("      tools:");
        Files.writeString(file, text.substring(0, start)
                + "      authentication:\n        type: \"digest\"\n        username: \"u\"\n        password: \"p\"\n"
                + text.substring(end));
        assertThatThrownBy(() -> Served.plan(file, Map.of())).isInstanceOf(PlanException.class)
                .hasMessageContaining("digest").hasMessageContaining("not supported");
    }
}
