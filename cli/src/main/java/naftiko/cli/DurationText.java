package naftiko.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import naftiko.engine.upstream.resilience.ResiliencePolicy;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h} or ISO-8601 {@code PT30S}: a duration for picocli. */
public final class DurationText implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** The short forms are the engine's, as the {@code NAFTIKO_*} duration variables take them; then ISO-8601. */
    public static Duration parse(String value) {
        Duration simple = ResiliencePolicy.parseDuration(value);
        if (simple != null) return simple;
        try {
            Duration d = Duration.parse(value.trim());
            if (!d.isNegative() && !d.isZero()) return d;
        } catch (DateTimeParseException ignored) {
            // fall through to the message below
        }
        throw new TypeConversionException("'" + value + "' is not a positive duration; write e.g. 30s, 500ms or 2m");
    }
}
