package naftiko.engine.upstream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP Digest challenge (RFC 7616) from {@code WWW-Authenticate}, and the {@code Authorization}
 * answer to it: MD5 or SHA-256 (and their {@code -sess} forms), {@code qop=auth} or none.
 */
public final class DigestChallenge {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)\\s*=\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> params;

    private DigestChallenge(Map<String, String> params) {
        this.params = params;
    }

    /** The Digest challenge among {@code headerValue}, or null when there is none. */
    public static DigestChallenge parse(String headerValue) {
        if (headerValue == null) return null;
        int i = headerValue.toLowerCase(Locale.ROOT).indexOf("digest ");
        if (i < 0) return null;
        Map<String, String> p = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(headerValue.substring(i + 7));
        while (m.find()) {
            String v = m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(2);
            p.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), v);
        }
        return p.containsKey("nonce") ? new DigestChallenge(p) : null;
    }

    public String answer(String method, URI uri, String username, String password) {
        return answer(method, uri, username, password, randomCnonce());
    }

    String answer(String method, URI uri, String username, String password, String cnonce) {
        String realm = params.getOrDefault("realm", "");
        String nonce = params.get("nonce");
        String algorithm = params.getOrDefault("algorithm", "MD5");
        String alg = algorithm.toUpperCase(Locale.ROOT);
        String hashName = alg.startsWith("SHA-256") ? "SHA-256" : "MD5";
        boolean sess = alg.endsWith("-SESS");
        String qop = null;
        if (params.containsKey("qop")) {
            for (String q : params.get("qop").split(",")) {
                if (q.trim().equalsIgnoreCase("auth")) qop = "auth";
            }
        }
        String digestUri = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) digestUri += "?" + uri.getRawQuery();
        String nc = "00000001";
        String ha1 = hash(hashName, username + ":" + realm + ":" + password);
        if (sess) ha1 = hash(hashName, ha1 + ":" + nonce + ":" + cnonce);
        String ha2 = hash(hashName, method + ":" + digestUri);
        String response = qop == null
                ? hash(hashName, ha1 + ":" + nonce + ":" + ha2)
                : hash(hashName, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
        StringBuilder sb = new StringBuilder("Digest ");
        sb.append("username=\"").append(username).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(digestUri)
                .append("\", algorithm=").append(algorithm).append(", response=\"").append(response).append('"');
        if (qop != null) sb.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        if (params.containsKey("opaque")) sb.append(", opaque=\"").append(params.get("opaque")).append('"');
        return sb.toString();
    }

    static String hash(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomCnonce() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
