package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import naftiko.engine.auth.InboundAuth;
import naftiko.engine.run.McpEndpoint;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.Authentication;
import naftiko.engine.spec.model.SourcePos;
import naftiko.mcp.http.StreamableHttpServer;
import org.junit.jupiter.api.Test;

class InboundAuthTest {

    @Test
    void bearerIsRequiredWhenTheExposureDeclaresIt() {
        Authentication bearer = new Authentication("bearer", null, null, "{{TOKEN}}", null, null, null, null, null,
                null, null, null, null, SourcePos.UNKNOWN);
        InboundAuth auth = InboundAuth.of(bearer, t -> t.equals("{{TOKEN}}") ? "s3cret" : t, "secured-mcp");
        McpEndpoint endpoint = new McpEndpoint("secured-mcp", "http", "127.0.0.1", 0, null, auth,
                List.of(FakeTool.named("t")), List.of(), List.of(), SourcePos.UNKNOWN);
        var server = (StreamableHttpServer) McpServers.create(Fixtures.capability(endpoint), ServeOptions.defaults()).get(0);
        server.start();
        try {
            RawMcp raw = new RawMcp(server.url());
            String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\"}}";
            HttpResponse<String> refused = raw.post(init);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"secured-mcp\"");
            assertThat(raw.post(init, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> ok = raw.post(init, "Authorization", "Bearer s3cret");
            assertThat(ok.statusCode()).isEqualTo(200);
            // No capabilities beyond tools, logging and completions: the file declares no resources or prompts.
            assertThat(RawMcp.json(ok).at("/result/capabilities").toString())
                    .isEqualTo("{\"tools\":{\"listChanged\":true},\"logging\":{},\"completions\":{}}");
            assertThat(RawMcp.json(ok).at("/result/instructions").isMissingNode()).isTrue();
        } finally {
            server.stop(Duration.ZERO);
        }
    }
}
