package naftiko.engine.upstream.resilience;

/** The circuit breaker and in-flight limit shared by every call to one upstream host. */
public record HostGuard(String host, CircuitBreaker breaker, InFlightLimit inFlight) {}
