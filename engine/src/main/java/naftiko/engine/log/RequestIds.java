package naftiko.engine.log;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh request ids for correlation (logs, {@code X-Request-Id}). They look like random UUIDs
 * (version 4) but come from {@link ThreadLocalRandom}, not {@link UUID#randomUUID()}'s
 * {@code SecureRandom}: an id only has to be unique enough to find a request's lines, it guards
 * nothing, and a SecureRandom read per request was measurable in the gateway's CPU per request.
 */
public final class RequestIds {
    private RequestIds() {}

    public static String fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long high = (r.nextLong() & ~0xF000L) | 0x4000L;                          // version 4
        long low = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;     // IETF variant
        return new UUID(high, low).toString();
    }
}
