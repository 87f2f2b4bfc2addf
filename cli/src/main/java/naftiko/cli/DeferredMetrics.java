package naftiko.cli;

import java.util.ArrayList;
import java.util.List;
import naftiko.control.PrometheusMetrics;
import naftiko.engine.observe.Metrics;
import naftiko.engine.observe.OutcomeClass;
import naftiko.engine.observe.RequestProbe;

/**
 * The {@link Metrics} of one {@code naftiko run}, before it is known whether a control port will serve
 * {@code /metrics}: files are planned (and resolve their probes) before the control port is chosen.
 * Probes resolved before that wait; {@link #serve()} then builds the Prometheus recorder and gives each
 * waiting probe its series (so every unit shows 0 from the start), while {@link #off()} drops them and
 * every probe stays a no-op. Without a control port the Prometheus client is never loaded (~100 classes
 * of start-up) and requests record nothing.
 */
final class DeferredMetrics implements Metrics {

    private final List<Waiting> waiting = new ArrayList<>();
    private PrometheusMetrics recorder;
    private boolean decided;

    @Override
    public synchronized RequestProbe exposed(String capability, String adapter, String unit) {
        if (recorder != null) return recorder.exposed(capability, adapter, unit);
        if (decided) return RequestProbe.NONE;
        return wait(new Waiting(capability, adapter, unit, false));
    }

    @Override
    public synchronized RequestProbe upstream(String capability, String namespace, String operation) {
        if (recorder != null) return recorder.upstream(capability, namespace, operation);
        if (decided) return RequestProbe.NONE;
        return wait(new Waiting(capability, namespace, operation, true));
    }

    /** Metrics are served: the recorder, created now, with a series for every probe resolved so far. */
    synchronized PrometheusMetrics serve() {
        if (recorder == null) {
            recorder = new PrometheusMetrics();
            for (Waiting w : waiting) w.target = w.upstream ? recorder.upstream(w.a, w.b, w.c) : recorder.exposed(w.a, w.b, w.c);
        }
        decided = true;
        waiting.clear();
        return recorder;
    }

    /** Metrics are not served: probes resolved so far, and all later ones, record nothing. */
    synchronized void off() {
        decided = true;
        waiting.clear();
    }

    private Waiting wait(Waiting w) {
        waiting.add(w);
        return w;
    }

    /** A probe resolved before the decision; forwards to its series once metrics are served. */
    private static final class Waiting implements RequestProbe {
        private final String a;
        private final String b;
        private final String c;
        private final boolean upstream;
        private volatile RequestProbe target = RequestProbe.NONE;

        Waiting(String a, String b, String c, boolean upstream) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.upstream = upstream;
        }

        @Override
        public void record(OutcomeClass outcome, long nanos) {
            target.record(outcome, nanos);
        }
    }
}
