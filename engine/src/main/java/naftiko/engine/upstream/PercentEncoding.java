package naftiko.engine.upstream;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding. A path value becomes exactly ONE segment: everything but the
 * unreserved characters is encoded ({@code a/b?c} ⇒ {@code a%2Fb%3Fc}), and a value that is
 * {@code .} or {@code ..} has its dots encoded so it can never climb the upstream path.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    public static String segment(String value) {
        if (value.equals(".") ) return "%2E";
        if (value.equals("..")) return "%2E%2E";
        return encode(value);
    }

    /** A query name or value (space as {@code %20}). */
    public static String query(String value) {
        return encode(value);
    }

    /** {@code application/x-www-form-urlencoded} (space as {@code +}). */
    public static String form(String value) {
        return encode(value).replace("%20", "+");
    }

    private static String encode(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }
}
