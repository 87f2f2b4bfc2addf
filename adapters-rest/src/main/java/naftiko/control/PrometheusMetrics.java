package naftiko.control;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import naftiko.engine.observe.Metrics;
import naftiko.engine.observe.OutcomeClass;
import naftiko.engine.observe.RequestProbe;

/**
 * {@link Metrics} on the Prometheus Java client: request counters by outcome class and latency
 * histograms, for exposed units ({@code naftiko_requests_total}, {@code naftiko_request_duration_seconds})
 * and consumed operations ({@code naftiko_upstream_requests_total}, {@code naftiko_upstream_request_duration_seconds}).
 * Each probe holds its label children, so recording is two lock-free updates.
 */
public final class PrometheusMetrics implements Metrics {

    /** Seconds; from half a millisecond (a pass-through gateway) to the default upstream timeout. */
    private static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder().name("naftiko_requests_total")
            .help("Requests served by an exposed unit (REST route or MCP tool), by outcome class")
            .labelNames("capability", "adapter", "unit", "outcome").withoutExemplars().register(registry);
    private final Histogram duration = Histogram.builder().name("naftiko_request_duration_seconds")
            .help("Time from invoking an exposed unit to its outcome")
            .labelNames("capability", "adapter", "unit").classicOnly().classicUpperBounds(BUCKETS)
            .withoutExemplars().register(registry);
    private final Counter upstreamRequests = Counter.builder().name("naftiko_upstream_requests_total")
            .help("Requests sent to a consumed operation, by outcome class")
            .labelNames("capability", "namespace", "operation", "outcome").withoutExemplars().register(registry);
    private final Histogram upstreamDuration = Histogram.builder().name("naftiko_upstream_request_duration_seconds")
            .help("Time from sending an upstream request to its response or failure")
            .labelNames("capability", "namespace", "operation").classicOnly().classicUpperBounds(BUCKETS)
            .withoutExemplars().register(registry);

    @Override
    public RequestProbe exposed(String capability, String adapter, String unit) {
        return new Probe(requests, duration.labelValues(capability, adapter, unit), capability, adapter, unit);
    }

    @Override
    public RequestProbe upstream(String capability, String namespace, String operation) {
        return new Probe(upstreamRequests, upstreamDuration.labelValues(capability, namespace, operation),
                capability, namespace, operation);
    }

    /** The text exposition format (version 0.0.4). */
    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Label children of one unit or operation; the counter child of an outcome class is made on first use. */
    private static final class Probe implements RequestProbe {
        private final Counter counter;
        private final DistributionDataPoint latency;
        private final String[] labels;
        private final CounterDataPoint[] byOutcome = new CounterDataPoint[OutcomeClass.values().length];

        Probe(Counter counter, DistributionDataPoint latency, String a, String b, String c) {
            this.counter = counter;
            this.latency = latency;
            this.labels = new String[] {a, b, c};
            byOutcome[OutcomeClass.OK.ordinal()] = child(OutcomeClass.OK); // a unit shows 0 before its first call
        }

        @Override
        public void record(OutcomeClass outcome, long nanos) {
            CounterDataPoint c = byOutcome[outcome.ordinal()];
            if (c == null) {
                c = child(outcome); // idempotent: a race resolves to the same child
                byOutcome[outcome.ordinal()] = c;
            }
            c.inc();
            latency.observe(nanos / 1e9);
        }

        private CounterDataPoint child(OutcomeClass outcome) {
            return counter.labelValues(labels[0], labels[1], labels[2], outcome.label());
        }
    }
}
