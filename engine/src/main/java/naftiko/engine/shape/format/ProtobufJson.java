package naftiko.engine.shape.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import java.util.Base64;
import java.util.List;

/**
 * JSON for a decoded protobuf message, close to the proto3 JSON mapping: keys are the fields'
 * JSON names (lowerCamelCase), enums their names, bytes base64, map fields objects. Deviations that
 * make mappings simpler: every field without presence is written with its default, fields with
 * presence (messages, {@code optional}, oneof members) only when set; 64-bit integers are numbers
 * (unsigned ones as their unsigned value); well-known types are plain messages.
 */
final class ProtobufJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ProtobufJson() {}

    static ObjectNode of(Message message) {
        ObjectNode obj = F.objectNode();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.isRepeated()) {
                obj.set(field.getJsonName(), repeated(message, field));
            } else if (!field.hasPresence() || message.hasField(field)) {
                obj.set(field.getJsonName(), value(field, message.getField(field)));
            }
        }
        return obj;
    }

    private static JsonNode repeated(Message message, FieldDescriptor field) {
        List<?> items = (List<?>) message.getField(field);
        if (field.isMapField()) {
            ObjectNode map = F.objectNode();
            FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
            for (Object item : items) {
                Message entry = (Message) item;
                Object key = entry instanceof MapEntry<?, ?> me ? me.getKey()
                        : entry.getField(field.getMessageType().findFieldByNumber(1));
                Object value = entry instanceof MapEntry<?, ?> me ? me.getValue() : entry.getField(valueField);
                map.set(String.valueOf(key), value(valueField, value));
            }
            return map;
        }
        ArrayNode array = F.arrayNode();
        for (Object item : items) {
            array.add(value(field, item));
        }
        return array;
    }

    private static JsonNode value(FieldDescriptor field, Object v) {
        switch (field.getJavaType()) {
            case MESSAGE:
                return of((Message) v);
            case ENUM:
                return F.textNode(((EnumValueDescriptor) v).getName());
            case BYTE_STRING:
                return F.textNode(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case STRING:
                return F.textNode((String) v);
            case BOOLEAN:
                return F.booleanNode((Boolean) v);
            case INT:
                int i = (Integer) v;
                return isUnsigned(field) ? F.numberNode(Integer.toUnsignedLong(i)) : F.numberNode(i);
            case LONG:
                long l = (Long) v;
                if (isUnsigned(field) && l < 0) {
                    return F.numberNode(new java.math.BigInteger(Long.toUnsignedString(l)));
                }
                return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
            case FLOAT:
                float f = (Float) v;
                return Float.isFinite(f) ? F.numberNode(Double.parseDouble(Float.toString(f)))
                        : F.textNode(Float.toString(f));
            case DOUBLE:
                double d = (Double) v;
                return Double.isFinite(d) ? F.numberNode(d) : F.textNode(Double.toString(d));
            default:
                return F.nullNode();
        }
    }

    private static boolean isUnsigned(FieldDescriptor field) {
        return switch (field.getType()) {
            case UINT32, FIXED32, UINT64, FIXED64 -> true;
            default -> false;
        };
    }
}
