package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Query, header, cookie parameters, every body variant and every outbound auth type, as the upstream sees them. */
class RequestBuildingTest {
    @TempDir
    Path dir;
    FakeUpstream upstream;

    @BeforeEach
    void start() {
        upstream = new FakeUpstream();
    }

    @AfterEach
    void stop() {
        upstream.close();
    }

    Planned plan(String auth, String operations, String tools) {
        String yaml = """
                naftiko: "1.0.0-alpha2"
                binds:
                  - namespace: "sec"
                    keys:
                      TOKEN: "T_TOKEN"
                      USER: "T_USER"
                      PASS: "T_PASS"
                capability:
                  exposes:
                    - type: "mcp"
                      namespace: "m"
                      port: 9999
                      tools:
                %s
                  consumes:
                    - type: "http"
                      namespace: "api"
                      baseUri: "%s/base"
                %s
                      resources:
                        - name: "things"
                          path: "/things/{{id}}"
                          operations:
                %s
                """.formatted(tools.indent(8), upstream.baseUri(), auth.indent(6), operations.indent(12));
        return Planned.of(dir, yaml, Map.of("T_TOKEN", "tok-123", "T_USER", "ada", "T_PASS", "p@ss:word"), false);
    }

    static String tool(String name, String op) {
        return """
                - name: "%s"
                  description: "d"
                  call: "api.%s"
                """.formatted(name, op);
    }

    @Test
    void queryHeaderCookieParameters() {
        Planned p = plan("", """
                - name: "get"
                  method: "GET"
                  inputParameters:
                    - name: "id"
                      in: "path"
                    - name: "tags"
                      in: "query"
                    - name: "n"
                      in: "query"
                    - name: "absent"
                      in: "query"
                    - name: "fixed"
                      in: "query"
                      value: "v {{n}}"
                    - name: "opt-tmpl"
                      in: "query"
                      value: "{{nothing}}"
                    - name: "X-Trace"
                      in: "header"
                    - name: "session"
                      in: "cookie"
                    - name: "theme"
                      in: "cookie"
                      value: "dark"
                """, tool("get", "get"));
        Planned.call(p.tool("get"), "{\"id\":\"x 1\",\"tags\":[\"a\",\"b c\"],\"n\":2.0,\"X-Trace\":\"tr\",\"session\":\"s1\"}");
        FakeUpstream.Recorded r = upstream.single();
        assertThat(r.target()).isEqualTo("/base/things/x%201?tags=a&tags=b%20c&n=2&fixed=v%202");
        assertThat(r.header("x-trace")).isEqualTo("tr");
        assertThat(r.header("cookie")).isEqualTo("session=s1; theme=dark");
    }

    @Test
    void requiredQueryParameterMissingIsBadInput() {
        Planned p = plan("", """
                - name: "get"
                  method: "GET"
                  inputParameters:
                    - name: "q"
                      in: "query"
                      required: true
                """, tool("get", "get"));
        assertThatThrownBy(() -> Planned.call(p.tool("get"), "{\"id\":\"1\"}"))
                .isInstanceOf(UnitFailure.class).hasMessage("missing required input q");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void rawJsonBodyRendersRealJson() {
        Planned p = plan("", """
                - name: "post"
                  method: "POST"
                  body: |
                    {"name": "{{name}}", "count": {{count}}, "tags": {{tags}}, "meta": {{meta}}}
                """, tool("post", "post"));
        Planned.call(p.tool("post"), "{\"id\":\"1\",\"name\":\"say \\\"hi\\\"\",\"count\":3,\"tags\":[\"a\"],\"meta\":{\"k\":true}}");
        FakeUpstream.Recorded r = upstream.single();
        assertThat(Json.parse(r.bodyText())).isEqualTo(Json.parse("{\"name\":\"say \\\"hi\\\"\",\"count\":3,\"tags\":[\"a\"],\"meta\":{\"k\":true}}"));
        assertThat(r.header("content-type")).isEqualTo("application/json");
    }

    @Test
    void jsonBodyObjectKeepsValueTypes() {
        Planned p = plan("", """
                - name: "post"
                  method: "POST"
                  body:
                    type: "json"
                    data:
                      name: "{{name}}"
                      count: "{{count}}"
                      greeting: "Hello {{name}}"
                      fixed: 1
                """, tool("post", "post"));
        Planned.call(p.tool("post"), "{\"id\":\"1\",\"name\":\"Ada\",\"count\":3}");
        assertThat(Json.parse(upstream.single().bodyText()))
                .isEqualTo(Json.parse("{\"name\":\"Ada\",\"count\":3,\"greeting\":\"Hello Ada\",\"fixed\":1}"));
    }

    @Test
    void textXmlSparqlBodies() {
        Planned p = plan("", """
                - name: "text"
                  method: "POST"
                  body:
                    type: "text"
                    data: "hello {{name}}"
                - name: "xml"
                  method: "POST"
                  body:
                    type: "xml"
                    data: "<user><name>{{name}}</name></user>"
                - name: "sparql"
                  method: "POST"
                  body:
                    type: "sparql"
                    data: "SELECT * WHERE { ?s ?p \\"{{name}}\\" }"
                """, tool("text", "text") + tool("xml", "xml") + tool("sparql", "sparql"));
        Planned.call(p.tool("text"), "{\"id\":\"1\",\"name\":\"<A&B>\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("hello <A&B>");
        assertThat(upstream.single().header("content-type")).isEqualTo("text/plain; charset=UTF-8");
        upstream.clear();
        Planned.call(p.tool("xml"), "{\"id\":\"1\",\"name\":\"<A&B>\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("<user><name>&lt;A&amp;B&gt;</name></user>");
        assertThat(upstream.single().header("content-type")).isEqualTo("application/xml");
        upstream.clear();
        Planned.call(p.tool("sparql"), "{\"id\":\"1\",\"name\":\"x\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("SELECT * WHERE { ?s ?p \"x\" }");
        assertThat(upstream.single().header("content-type")).isEqualTo("application/sparql-query");
    }

    @Test
    void formUrlEncodedAndMultipartBodies() {
        Planned p = plan("", """
                - name: "form"
                  method: "POST"
                  body:
                    type: "formUrlEncoded"
                    data:
                      grant_type: "client_credentials"
                      scope: "{{scope}}"
                - name: "multi"
                  method: "POST"
                  body:
                    type: "multipartForm"
                    data:
                      - name: "title"
                        value: "{{title}}"
                      - name: "file"
                        filename: "a.txt"
                        contentType: "text/plain"
                        value: "content {{title}}"
                """, tool("form", "form") + tool("multi", "multi"));
        Planned.call(p.tool("form"), "{\"id\":\"1\",\"scope\":\"read write&x\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("grant_type=client_credentials&scope=read+write%26x");
        assertThat(upstream.single().header("content-type")).isEqualTo("application/x-www-form-urlencoded");
        upstream.clear();
        Planned.call(p.tool("multi"), "{\"id\":\"1\",\"title\":\"T\"}");
        String ct = upstream.single().header("content-type");
        assertThat(ct).startsWith("multipart/form-data; boundary=");
        String b = ct.substring(ct.indexOf('=') + 1);
        assertThat(upstream.single().bodyText()).isEqualTo("--" + b + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nT\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "content T\r\n--" + b + "--\r\n");
    }

    @Test
    void severalBodyParametersMakeAnObjectAndHeaderSetsContentType() {
        Planned p = plan("", """
                - name: "post"
                  method: "POST"
                  inputParameters:
                    - name: "title"
                      in: "body"
                    - name: "count"
                      in: "body"
                    - name: "extra"
                      in: "body"
                    - name: "Content-Type"
                      in: "header"
                      value: "application/vnd.api+json"
                """, tool("post", "post"));
        Planned.call(p.tool("post"), "{\"id\":\"1\",\"title\":\"t\",\"count\":2}");
        assertThat(upstream.single().bodyText()).isEqualTo("{\"title\":\"t\",\"count\":2}");
        assertThat(upstream.single().header("content-type")).isEqualTo("application/vnd.api+json");
    }

    @Test
    void absentValueInJsonValuePositionIsNull() {
        Planned p = plan("", """
                - name: "post"
                  method: "POST"
                  body: '{"ids": {{ids}}, "name": "{{name}}"}'
                """, tool("post", "post"));
        Planned.call(p.tool("post"), "{\"id\":\"1\",\"name\":\"n\"}");
        assertThat(upstream.single().bodyText()).isEqualTo("{\"ids\": null, \"name\": \"n\"}");
    }

    @Test
    void missingBodyVariableIsBadInput() {
        Planned p = plan("", """
                - name: "post"
                  method: "POST"
                  body: '{"a": "{{a}}"}'
                """, tool("post", "post"));
        assertThatThrownBy(() -> Planned.call(p.tool("post"), "{\"id\":\"1\"}")).hasMessage("missing required input a");
    }

    static final String GET = """
            - name: "get"
              method: "GET"
            """;

    @Test
    void basicAuth() {
        Planned p = plan("""
                authentication:
                  type: "basic"
                  username: "{{USER}}"
                  password: "{{sec.PASS}}"
                """, GET, tool("get", "get"));
        Planned.call(p.tool("get"), "{\"id\":\"1\"}");
        assertThat(upstream.single().header("authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ada:p@ss:word".getBytes()));
    }

    @Test
    void apiKeyInHeaderAndInQuery() {
        Planned h = plan("""
                authentication:
                  type: "apikey"
                  key: "X-Api-Key"
                  value: "{{TOKEN}}"
                """, GET, tool("get", "get"));
        Planned.call(h.tool("get"), "{\"id\":\"1\"}");
        assertThat(upstream.single().header("x-api-key")).isEqualTo("tok-123");
        upstream.clear();
        Planned q = plan("""
                authentication:
                  type: "apikey"
                  key: "api_key"
                  value: "{{TOKEN}}"
                  placement: "query"
                """, GET, tool("get", "get"));
        Planned.call(q.tool("get"), "{\"id\":\"1\"}");
        assertThat(upstream.single().target()).isEqualTo("/base/things/1?api_key=tok-123");
    }

    @Test
    void digestAuthAnswersTheChallenge() {
        upstream.answer(r -> {
            String auth = r.header("authorization");
            if (auth == null) {
                return FakeUpstream.Reply.json(401, "{}").withHeader("WWW-Authenticate",
                        "Digest realm=\"api@test\", qop=\"auth\", nonce=\"abc123\", opaque=\"op\", algorithm=MD5");
            }
            // verify the response as the server would (RFC 7616, qop=auth)
            java.util.Map<String, String> f = new java.util.HashMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)=\"?([^\",]*)\"?").matcher(auth.substring(7));
            while (m.find()) f.put(m.group(1), m.group(2));
            String ha1 = md5("ada:api@test:p@ss:word");
            String ha2 = md5("GET:" + f.get("uri"));
            String expected = md5(ha1 + ":abc123:" + f.get("nc") + ":" + f.get("cnonce") + ":auth:" + ha2);
            boolean ok = expected.equals(f.get("response")) && "/base/things/1".equals(f.get("uri"))
                    && "ada".equals(f.get("username")) && "op".equals(f.get("opaque"));
            return FakeUpstream.Reply.json(ok ? 200 : 403, ok ? "{\"digest\":\"ok\"}" : "{}");
        });
        Planned p = plan("""
                authentication:
                  type: "digest"
                  username: "{{USER}}"
                  password: "{{PASS}}"
                """, GET, tool("get", "get"));
        Outcome o = Planned.call(p.tool("get"), "{\"id\":\"1\"}");
        assertThat(o.status()).isEqualTo(200);
        assertThat(o.bodyText()).isEqualTo("{\"digest\":\"ok\"}");
        assertThat(upstream.requests()).hasSize(2);
    }

    static String md5(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(s.getBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
