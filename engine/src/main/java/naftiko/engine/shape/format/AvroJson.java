package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for a generic Avro datum: records and maps become objects, arrays arrays, enums and
 * strings text, unions their chosen branch (no type wrapper), bytes and fixed base64 text,
 * non-finite floats text; numbers come out as a JSON parser would build them (int when it fits). Logical types keep their underlying value (e.g. timestamp as long).
 */
final class AvroJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 200;

    private AvroJson() {}

    static JsonNode of(Object datum, Schema schema) {
        return convert(datum, schema, 0);
    }

    private static JsonNode convert(Object v, Schema s, int depth) {
        if (depth > MAX_DEPTH) {
            throw new FormatDecoder.FormatException("Avro datum is nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (s.getType()) {
            case NULL:
                return F.nullNode();
            case UNION:
                Schema branch = s.getTypes().get(GenericData.get().resolveUnion(s, v));
                return convert(v, branch, depth);
            case RECORD:
                ObjectNode record = F.objectNode();
                IndexedRecord r = (IndexedRecord) v;
                for (Schema.Field field : s.getFields()) {
                    record.set(field.name(), convert(r.get(field.pos()), field.schema(), depth + 1));
                }
                return record;
            case MAP:
                ObjectNode map = F.objectNode();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    map.set(e.getKey().toString(), convert(e.getValue(), s.getValueType(), depth + 1));
                }
                return map;
            case ARRAY:
                ArrayNode array = F.arrayNode();
                for (Object item : (Collection<?>) v) {
                    array.add(convert(item, s.getElementType(), depth + 1));
                }
                return array;
            case ENUM:
            case STRING:
                return F.textNode(v.toString());
            case BYTES:
                ByteBuffer buf = ((ByteBuffer) v).duplicate();
                byte[] bytes = new byte[buf.remaining()];
                buf.get(bytes);
                return F.textNode(Base64.getEncoder().encodeToString(bytes));
            case FIXED:
                return F.textNode(Base64.getEncoder().encodeToString(((GenericFixed) v).bytes()));
            case INT:
                return F.numberNode((Integer) v);
            case LONG:
                long l = (Long) v;
                return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
            case FLOAT:
                // via its shortest decimal text, so 1.1f reads 1.1 and not 1.100000023841858
                float f = (Float) v;
                return Float.isFinite(f) ? F.numberNode(Double.parseDouble(Float.toString(f)))
                        : F.textNode(Float.toString(f));
            case DOUBLE:
                double d = (Double) v;
                return Double.isFinite(d) ? F.numberNode(d) : F.textNode(Double.toString(d));
            case BOOLEAN:
                return F.booleanNode((Boolean) v);
            default:
                throw new FormatDecoder.FormatException("unsupported Avro type " + s.getType());
        }
    }
}
