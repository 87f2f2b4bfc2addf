package naftiko.engine.upstream;

/**
 * What may go into an HTTP/1.1 header (RFC 9110 §5): a name is a token; a value has no control
 * character but horizontal tab, so no line break can split a header or smuggle another one.
 */
final class HeaderText {
    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private HeaderText() {}

    static String checkName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty header name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_PUNCTUATION.indexOf(c) >= 0;
            if (!ok) throw new IllegalArgumentException("invalid header name");
        }
        return name;
    }

    static String checkValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) throw new IllegalArgumentException("invalid header value");
        }
        return value;
    }
}
