package naftiko.engine.observe;

/**
 * Where request measurements go. Probes are resolved once per unit or consumed operation when a
 * capability is planned, so a request only does {@link RequestProbe#record}: no label lookup, no
 * string building. Labels are names from the capability file (capability, adapter, unit,
 * namespace, operation): bounded, and never a path, an id or a secret.
 */
public interface Metrics {

    /** Measures nothing; the default when no control port serves metrics. */
    Metrics NONE = new Metrics() {
        @Override
        public RequestProbe exposed(String capability, String adapter, String unit) {
            return RequestProbe.NONE;
        }

        @Override
        public RequestProbe upstream(String capability, String namespace, String operation) {
            return RequestProbe.NONE;
        }
    };

    /** The probe of one exposed unit ({@code adapter} is {@code rest} or {@code mcp}). */
    RequestProbe exposed(String capability, String adapter, String unit);

    /** The probe of one consumed operation ({@code forward} for a forward relay). */
    RequestProbe upstream(String capability, String namespace, String operation);
}
