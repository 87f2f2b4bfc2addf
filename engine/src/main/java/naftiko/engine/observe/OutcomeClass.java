package naftiko.engine.observe;

import naftiko.engine.run.Outcome;
import naftiko.engine.run.UnitFailure;

/** How a request ended, as a metric label: a small fixed set, so label cardinality stays bounded. */
public enum OutcomeClass {
    OK("ok"),
    /** Bad input from the caller (exposed side), or a 4xx answer (upstream side). */
    CLIENT_ERROR("client_error"),
    /** The upstream answered with an error status, or broke the exchange. */
    UPSTREAM_ERROR("upstream_error"),
    UPSTREAM_UNREACHABLE("upstream_unreachable"),
    TIMEOUT("timeout"),
    /** Fail-fast: circuit open or too many in-flight upstream requests. */
    UNAVAILABLE("unavailable"),
    CONFIGURATION("configuration"),
    INTERNAL("internal");

    private final String label;

    OutcomeClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isError() {
        return this != OK;
    }

    /** The class of an exposed unit's result: an outcome (its status), else the failure's kind. */
    public static OutcomeClass exposed(Outcome outcome, Throwable error) {
        if (error == null && outcome != null) return outcome.status() >= 400 ? UPSTREAM_ERROR : OK;
        return of(UnitFailure.of(error == null ? new IllegalStateException("no outcome") : error).kind());
    }

    /** The class of an upstream exchange: its status, else the transport failure's kind. */
    public static OutcomeClass upstream(int status, Throwable error) {
        if (error != null) return of(UnitFailure.of(error).kind());
        if (status >= 500) return UPSTREAM_ERROR;
        return status >= 400 ? CLIENT_ERROR : OK;
    }

    public static OutcomeClass of(UnitFailure.Kind kind) {
        return switch (kind) {
            case BAD_INPUT -> CLIENT_ERROR;
            case CONFIGURATION -> CONFIGURATION;
            case UPSTREAM_UNREACHABLE, UPSTREAM_TLS -> UPSTREAM_UNREACHABLE;
            case UPSTREAM_TIMEOUT -> TIMEOUT;
            case UPSTREAM_PROTOCOL, UPSTREAM_TOO_LARGE -> UPSTREAM_ERROR;
            case UPSTREAM_UNAVAILABLE -> UNAVAILABLE;
            case INTERNAL -> INTERNAL;
        };
    }
}
