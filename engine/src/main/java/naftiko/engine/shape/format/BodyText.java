package naftiko.engine.shape.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;

/** Small facts about raw upstream bodies shared by the text-based decoders. */
final class BodyText {
    private BodyText() {}

    /** True when the body holds nothing but an optional UTF-8 BOM and whitespace. */
    static boolean isBlank(byte[] body) {
        for (int i = bomLength(body); i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The body as UTF-8 text without a leading byte order mark. */
    static String utf8(byte[] body) {
        int bom = bomLength(body);
        return new String(body, bom, body.length - bom, StandardCharsets.UTF_8);
    }

    static int bomLength(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB
                && (body[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** "upstream body is not valid XML (line 3, column 7)": position only, never content. */
    static FormatDecoder.FormatException invalid(String format, Exception cause) {
        String where = "";
        if (cause instanceof JsonProcessingException jpe) {
            JsonLocation loc = jpe.getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                where = " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            }
        }
        return new FormatDecoder.FormatException("upstream body is not valid " + format + where);
    }
}
