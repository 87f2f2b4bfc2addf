package naftiko.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import naftiko.engine.observe.OutcomeClass;
import naftiko.engine.observe.RequestProbe;
import org.junit.jupiter.api.Test;

/** Probes resolved before the control port is chosen record into /metrics once it is served, and nowhere otherwise. */
class DeferredMetricsTest {

    @Test
    void probesResolvedBeforeServingGetTheirSeries() {
        DeferredMetrics metrics = new DeferredMetrics();
        RequestProbe early = metrics.exposed("cap", "rest", "list-runs");
        RequestProbe upstream = metrics.upstream("cap", "posthog", "tasksrunslist");
        String scrape = new String(metrics.serve().scrape(), StandardCharsets.UTF_8);
        assertThat(scrape).contains("naftiko_requests_total{adapter=\"rest\",capability=\"cap\",outcome=\"ok\",unit=\"list-runs\"} 0");
        early.record(OutcomeClass.OK, 2_000_000);
        upstream.record(OutcomeClass.OK, 1_000_000);
        metrics.exposed("cap", "mcp", "late").record(OutcomeClass.OK, 1_000_000);
        scrape = new String(metrics.serve().scrape(), StandardCharsets.UTF_8);
        assertThat(scrape)
                .contains("naftiko_requests_total{adapter=\"rest\",capability=\"cap\",outcome=\"ok\",unit=\"list-runs\"} 1")
                .contains("naftiko_upstream_requests_total{capability=\"cap\",namespace=\"posthog\",operation=\"tasksrunslist\",outcome=\"ok\"} 1")
                .contains("naftiko_requests_total{adapter=\"mcp\",capability=\"cap\",outcome=\"ok\",unit=\"late\"} 1");
    }

    @Test
    void withoutMetricsEveryProbeIsANoOp() {
        DeferredMetrics metrics = new DeferredMetrics();
        RequestProbe early = metrics.exposed("cap", "rest", "list-runs");
        metrics.off();
        early.record(OutcomeClass.OK, 1_000_000); // nothing to record into, and no failure
        assertThat(metrics.exposed("cap", "rest", "other")).isSameAs(RequestProbe.NONE);
        assertThat(metrics.upstream("cap", "posthog", "op")).isSameAs(RequestProbe.NONE);
    }
}
