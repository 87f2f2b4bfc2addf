package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns an upstream body into a JSON tree according to the consumed operation's
 * {@code outputRawFormat} (SPEC.md §5.8), before any JsonPath is applied. Each format has its
 * own small decoder; this class only picks one and keeps failures safe to show.
 */
public final class FormatDecoder {
    /** Every value of {@code outputRawFormat} the language defines, in SPEC order. */
    public static final List<String> FORMATS =
            List.of("json", "xml", "avro", "protobuf", "csv", "tsv", "psv", "yaml", "html", "markdown");

    /**
     * Decoders are made on first use of their format: most capabilities only use json, and making
     * the xml, html, markdown, avro and protobuf ones loads ~300 classes of their libraries.
     */
    private static final Map<String, Supplier<BodyDecoder>> FACTORIES = Map.of(
            "json", JsonBodyDecoder::new,
            "yaml", YamlBodyDecoder::new,
            "xml", XmlBodyDecoder::new,
            "csv", () -> new DelimitedBodyDecoder("CSV", ','),
            "tsv", () -> new DelimitedBodyDecoder("TSV", '\t'),
            "psv", () -> new DelimitedBodyDecoder("PSV", '|'),
            "html", HtmlBodyDecoder::new,
            "markdown", MarkdownBodyDecoder::new,
            "avro", AvroBodyDecoder::new,
            "protobuf", ProtobufBodyDecoder::new);
    private static final Map<String, BodyDecoder> DECODERS = new ConcurrentHashMap<>();

    private FormatDecoder() {}

    /**
     * @param format       {@code outputRawFormat} as written (case-insensitive), null means json
     * @param outputSchema html: CSS selector; markdown: heading prefix; avro/protobuf: schema file
     * @param baseDir      folder of the capability file, for schema files (may be null)
     * @throws FormatException when the body is not of the declared format
     */
    public static JsonNode decode(String format, byte[] body, String outputSchema, Path baseDir) {
        BodyDecoder decoder = decoderFor(format);
        byte[] bytes = body == null ? new byte[0] : body;
        try {
            return decoder.decode(bytes, blankToNull(outputSchema), baseDir);
        } catch (StackOverflowError e) {
            throw new FormatException("upstream body is nested too deeply to decode as " + name(format));
        }
    }

    /**
     * Load-time check of one consumed operation's format settings, so a capability that can never
     * decode its upstream is reported before any request: unknown format, a missing or invalid
     * avro/protobuf schema file, protobuf without {@code outputSchema} or naming {@code .proto}
     * source, an invalid html CSS selector. Meant for a load-time diagnostic; a warning fits best,
     * since schema-valid documents may still hit it (the corpus's proto-capability.yaml has no
     * {@code outputSchema}).
     *
     * @return a short message saying what is wrong and what is supported, or empty when fine
     */
    public static Optional<String> check(String format, String outputSchema, Path baseDir) {
        try {
            decoderFor(format).check(blankToNull(outputSchema), baseDir);
            return Optional.empty();
        } catch (FormatException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static BodyDecoder decoderFor(String format) {
        String name = name(format);
        BodyDecoder decoder = DECODERS.get(name);
        if (decoder != null) return decoder;
        Supplier<BodyDecoder> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new FormatException("outputRawFormat '" + format + "' is unknown; use one of "
                    + String.join(", ", FORMATS));
        }
        return DECODERS.computeIfAbsent(name, n -> factory.get());
    }

    private static String name(String format) {
        return format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The body does not decode as the declared format; the message is safe to show. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String message) {
            super(message, null, false, false);
        }
    }
}
