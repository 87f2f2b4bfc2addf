package naftiko.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import naftiko.engine.testing.FakeUpstream;
import naftiko.engine.testing.FakeUpstream.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tool hinted idempotent may have its POST retried on 503; the same operation behind an unhinted tool is sent once. */
class IdempotentHintRetryTest {

    private static final String YAML = """
            naftiko: "1.0.0-alpha2"
            info:
              label: hints
            capability:
              consumes:
                - type: http
                  namespace: up
                  baseUri: "BASE"
                  resources:
                    - name: jobs
                      path: /jobs
                      operations:
                        - name: put-job
                          method: POST
              exposes:
                - type: mcp
                  namespace: tools
                  port: 9090
                  transport: http
                  tools:
                    - name: upsert-job
                      description: Idempotent upsert
                      hints:
                        idempotent: true
                      call: up.put-job
                    - name: create-job
                      description: Not idempotent
                      call: up.put-job
            """;

    @Test
    void onlyTheHintedToolIsRetried(@TempDir Path dir) {
        try (FakeUpstream up = new FakeUpstream()) {
            AtomicInteger n = new AtomicInteger();
            up.answer(r -> n.incrementAndGet() % 2 == 1 ? Reply.json(503, "{}") : Reply.json(200, "{\"done\":true}"));
            Planned p = Planned.of(dir, YAML.replace("BASE", up.baseUri()), Map.of(), false);

            assertThat(Planned.call(p.tool("upsert-job"), "{}").status()).isEqualTo(200);
            assertThat(up.requests()).hasSize(2);

            up.clear();
            n.set(0);
            assertThat(Planned.call(p.tool("create-job"), "{}").status()).isEqualTo(503);
            assertThat(up.requests()).hasSize(1);
        }
    }
}
