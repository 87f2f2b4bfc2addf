package naftiko.rest.inbound;

import java.util.Locale;

/** Media type tests on a {@code Content-Type} header value. */
public final class MediaTypes {
    private MediaTypes() {}

    /** {@code application/json}, or any {@code +json} suffix type, parameters ignored. */
    public static boolean isJson(String contentType) {
        if (contentType == null) return false;
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }
}
