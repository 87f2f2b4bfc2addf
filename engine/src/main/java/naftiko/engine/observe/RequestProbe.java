package naftiko.engine.observe;

/** Records one finished request of a unit or an upstream operation. Thread-safe, allocation-free. */
public interface RequestProbe {

    RequestProbe NONE = (outcome, nanos) -> { };

    void record(OutcomeClass outcome, long nanos);
}
