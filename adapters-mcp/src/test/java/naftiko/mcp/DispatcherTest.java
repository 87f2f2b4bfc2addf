package naftiko.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import naftiko.engine.run.Arguments;
import naftiko.engine.run.CallContext;
import naftiko.engine.run.Outcome;
import naftiko.engine.spec.model.McpTool;
import naftiko.mcp.jsonrpc.Dispatcher;
import naftiko.mcp.methods.Paging;
import naftiko.mcp.session.Session;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final CompletableFuture<Outcome> never = new CompletableFuture<>();
    private final AtomicBoolean invoked = new AtomicBoolean();
    private final FakeTool slow = new FakeTool("slow", List.of(), null, "/", new McpTool.Hints(null, null, null, null)) {
        @Override
        public CompletableFuture<Outcome> invoke(Arguments a, CallContext c) {
            invoked.set(true);
            return never;
        }
    };
    private final Dispatcher dispatcher = McpProtocol.dispatcher(Fixtures.endpoint(List.of(slow), List.of(), List.of()),
            Paging.DEFAULT_PAGE_SIZE);
    private final Session session = new Session(null, "2025-06-18");

    private CompletableFuture<JsonNode> send(String json) {
        return dispatcher.dispatch(Dispatcher.parse(json.getBytes()), session, session.protocolVersion());
    }

    @Test
    void cancelledRequestsGetNoResponse() throws Exception {
        CompletableFuture<JsonNode> call = send("{\"jsonrpc\":\"2.0\",\"id\":\"c1\",\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
        assertThat(invoked).isTrue();
        assertThat(call).isNotDone();
        assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"c1\",\"reason\":\"user\"}}")
                .get(1, TimeUnit.SECONDS)).isNull();
        assertThat(call.get(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void cancellingAnotherIdLeavesTheCallRunning() throws Exception {
        CompletableFuture<JsonNode> call = send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"1\"}}");
        assertThat(call).isNotDone();
        never.complete(Outcome.json(200, FakeTool.JSON.createObjectNode().put("done", true)));
        assertThat(call.get(1, TimeUnit.SECONDS).at("/result/structuredContent/done").asBoolean()).isTrue();
    }

    @Test
    void initializeCannotBeBatchedAndBatchesNeed20250326() throws Exception {
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}]";
        JsonNode replies = dispatcher.dispatch(Dispatcher.parse(batch.getBytes()), session, "2025-03-26").get(1, TimeUnit.SECONDS);
        assertThat(replies.toString()).isEqualTo("[{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,"
                + "\"message\":\"Invalid Request: 'initialize' cannot be part of a batch\"}},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}]");
        JsonNode rejected = dispatcher.dispatch(Dispatcher.parse(batch.getBytes()), session, "2025-11-25").get(1, TimeUnit.SECONDS);
        assertThat(rejected.toString()).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"
                + "\"message\":\"Invalid Request: JSON-RPC batches are not supported in protocol version 2025-11-25\"}}");
        assertThat(dispatcher.dispatch(Dispatcher.parse("[]".getBytes()), session, "2025-03-26").get().at("/error/code").asInt())
                .isEqualTo(-32600);
    }

    @Test
    void paramsMustBeAnObjectAndIdsStringsOrIntegers() throws Exception {
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1]}").get().at("/error/code").asInt()).isEqualTo(-32602);
        JsonNode badId = send("{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}").get();
        assertThat(badId.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(badId.get("id").isNull()).isTrue();
        assertThat(send("{\"jsonrpc\":\"2.0\",\"id\":9,\"result\":{}}").get()).isNull();
        assertThat(send("{\"jsonrpc\":\"2.0\",\"method\":\"unknown/notification\"}").get()).isNull();
    }
}
