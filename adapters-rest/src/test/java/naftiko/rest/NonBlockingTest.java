package naftiko.rest;

import static naftiko.rest.TestServer.route;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import naftiko.engine.run.Outcome;
import org.junit.jupiter.api.Test;

/**
 * Many requests wait on their units at once although the server has only a handful of IO and
 * worker threads: no thread is parked per request, and answers are written when the futures
 * complete on a foreign thread.
 */
class NonBlockingTest {

    @Test
    void pendingUnitsHoldNoThreadAndCompleteFromAForeignThread() throws Exception {
        int n = 24; // well above the 2..4 IO threads and 2 worker threads of the server
        List<CompletableFuture<Outcome>> pending = new CopyOnWriteArrayList<>();
        ScriptedUnit slow = new ScriptedUnit("slow", false, (a, c) -> {
            CompletableFuture<Outcome> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        });
        try (TestServer s = new TestServer(List.of(route("GET", "/slow/{n}", slow)))) {
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                responses.add(TestServer.CLIENT.sendAsync(s.request("/slow/" + i).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pending.size() < n && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(pending).hasSize(n); // all in flight together
            assertThat(responses).noneMatch(CompletableFuture::isDone);

            Thread completer = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    String n2 = slow.calls.get(i).request().pathVariables().get("n");
                    pending.get(i).complete(Outcome.raw(200, "text/plain", ("done " + n2).getBytes(), null));
                }
            }, "foreign-completer");
            completer.start();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = responses.get(i).get(10, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).isEqualTo("done " + i);
            }
            assertThat(slow.calls).allSatisfy(c -> assertThat(c.thread()).contains("I/O"));
        }
    }
}
