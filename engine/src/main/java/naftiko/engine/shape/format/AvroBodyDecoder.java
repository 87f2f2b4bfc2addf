package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * avro, with Apache Avro. Two bodies are understood:
 * <ul>
 *   <li>an object container file (starts with {@code Obj\u0001}, carries its writer schema) ⇒ a
 *       JSON array of its records; an {@code outputSchema} there is the reader schema;</li>
 *   <li>otherwise one binary-encoded datum written with the {@code .avsc} schema named by
 *       {@code outputSchema} ⇒ that datum as JSON. Bytes left over are an error.</li>
 * </ul>
 * Schemas are parsed once and cached.
 */
final class AvroBodyDecoder implements BodyDecoder {
    private static final byte[] MAGIC = {'O', 'b', 'j', 1};

    static {
        // Avro reads these once, when it first loads: a forged length in a small body must not
        // allocate gigabytes. An operator's own -D settings win.
        limit("org.apache.avro.limits.collectionItems.maxLength", 1_000_000);
        limit("org.apache.avro.limits.string.maxLength", 64 * 1024 * 1024);
        limit("org.apache.avro.limits.bytes.maxLength", 64 * 1024 * 1024);
    }

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    @Override
    public void check(String outputSchema, Path baseDir) {
        // no outputSchema is fine for container-file upstreams; decode explains the other case
        if (outputSchema != null) {
            schema(outputSchema, baseDir);
        }
    }

    @Override
    public JsonNode decode(byte[] body, String outputSchema, Path baseDir) {
        Schema expected = outputSchema == null ? null : schema(outputSchema, baseDir);
        if (startsWithMagic(body)) {
            return containerFile(body, expected);
        }
        if (expected == null) {
            throw new FormatDecoder.FormatException("upstream body is not an Avro object container file"
                    + " (which carries its schema); set outputSchema to an .avsc file to decode a plain Avro datum");
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(body, null);
            Object datum = new GenericDatumReader<>(expected).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new FormatDecoder.FormatException(
                        "upstream body has bytes left after one Avro datum of schema " + expected.getFullName());
            }
            return AvroJson.of(datum, expected);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FormatDecoder.FormatException fe) {
                throw fe;
            }
            throw new FormatDecoder.FormatException(
                    "upstream body is not a valid Avro datum of schema " + expected.getFullName());
        }
    }

    private static JsonNode containerFile(byte[] body, Schema expected) {
        ArrayNode records = JsonNodeFactory.instance.arrayNode();
        GenericDatumReader<Object> reader = new GenericDatumReader<>(null, expected);
        try (DataFileStream<Object> stream = new DataFileStream<>(new ByteArrayInputStream(body), reader)) {
            Schema schema = expected != null ? expected : stream.getSchema();
            Object reuse = null;
            while (stream.hasNext()) {
                reuse = stream.next(reuse);
                records.add(AvroJson.of(reuse, schema));
            }
            return records;
        } catch (IOException | RuntimeException e) {
            throw new FormatDecoder.FormatException("upstream body is not a readable Avro object container file");
        }
    }

    private Schema schema(String name, Path baseDir) {
        String key = SchemaFile.locate(name, baseDir);
        Schema cached = schemas.get(key);
        if (cached != null) {
            return cached;
        }
        try (InputStream in = SchemaFile.open(key)) {
            Schema parsed = new Schema.Parser().parse(in);
            schemas.put(key, parsed);
            return parsed;
        } catch (IOException | SchemaParseException e) {
            throw new FormatDecoder.FormatException("schema file '" + name + "' is not a valid Avro schema (.avsc)");
        }
    }

    private static void limit(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    private static boolean startsWithMagic(byte[] body) {
        if (body.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (body[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
