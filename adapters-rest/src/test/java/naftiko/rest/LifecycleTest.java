package naftiko.rest;

import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.Outcome;
import naftiko.engine.run.RestEndpoint;
import naftiko.engine.run.ServeOptions;
import naftiko.engine.spec.model.SourcePos;
import org.junit.jupiter.api.Test;

/** Binding, describing and graceful shutdown. */
class LifecycleTest {

    @Test
    void portInUseIsOneLineNamingTheExposureAndTheOverride() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RestEndpoint endpoint = new RestEndpoint("posthog-task-runs-rest", "127.0.0.1", taken.getLocalPort(), null,
                    List.of(route("GET", "/x", ScriptedUnit.ok("x"))), SourcePos.UNKNOWN);
            RestServer server = RestServers.create(endpoint, ServeOptions.defaults());
            assertThatThrownBy(server::start)
                    .hasMessage("REST exposure 'posthog-task-runs-rest' cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": address already in use (choose another port with --port posthog-task-runs-rest=PORT)")
                    .hasNoCause();
        }
    }

    @Test
    void describesEveryRouteWithItsTargetAndSummarisesTheUrl() {
        try (TestServer s = new TestServer(List.of(
                route("GET", "/v1/runs/{{task-id}}", ScriptedUnit.ok("list")),
                route("PATCH", "/v1/runs/{task-id}", ScriptedUnit.ok("update"))))) {
            assertThat(s.server.describe()).containsExactly(
                    "GET /v1/runs/{task-id} → test.list", "PATCH /v1/runs/{task-id} → test.update");
            assertThat(s.server.summary()).isEqualTo("REST http://127.0.0.1:" + s.server.port() + " (2 routes)");
            assertThat(s.server.port()).isPositive();
        }
    }

    @Test
    void addressOverrideAndDefaultAddress() {
        RestEndpoint endpoint = new RestEndpoint("ns", null, 0, null, List.of(), SourcePos.UNKNOWN);
        assertThat(RestServers.create(endpoint, ServeOptions.defaults()).address()).isEqualTo("127.0.0.1");
        ServeOptions override = new ServeOptions("0.0.0.0", Map.of(), 1, false, Duration.ZERO);
        assertThat(RestServers.create(endpoint, override).address()).isEqualTo("0.0.0.0");
    }

    @Test
    void stopLetsInFlightRequestsFinishThenRefusesConnections() throws Exception {
        CompletableFuture<Outcome> pending = new CompletableFuture<>();
        ScriptedUnit slow = new ScriptedUnit("slow", false, (a, c) -> pending);
        TestServer s = new TestServer(List.of(route("GET", "/slow", slow)));
        CompletableFuture<HttpResponse<String>> response = TestServer.CLIENT.sendAsync(
                s.request("/slow").GET().build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slow.calls.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(slow.calls).hasSize(1);

        Thread stopper = new Thread(() -> s.server.stop(Duration.ofSeconds(10)));
        stopper.start();
        Thread.sleep(100); // the stop is now waiting on the in-flight request
        assertThat(stopper.isAlive()).isTrue();
        HttpResponse<String> late = s.send("GET", "/slow"); // arrives during the grace period
        assertThat(late.statusCode()).isEqualTo(503);
        assertThat(late.headers().firstValue("x-request-id")).isPresent();
        assertThat(slow.calls).hasSize(1);
        pending.complete(Outcome.raw(200, "text/plain", "finished".getBytes(), null));

        HttpResponse<String> r = response.get(10, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("finished");
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient().send(s.request("/slow").GET().build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }
}
