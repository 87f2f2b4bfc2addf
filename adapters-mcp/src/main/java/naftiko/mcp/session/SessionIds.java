package naftiko.mcp.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Self-validating session ids: {@code base64url(16 random bytes + issued-at millis) "."
 * base64url(HMAC-SHA256(secret, first part))}. Any instance holding the same secret
 * ({@code NAFTIKO_SESSION_SECRET}) accepts the ids the others issued, so no sticky routing is needed.
 */
public final class SessionIds {

    public static final String SECRET_VARIABLE = "NAFTIKO_SESSION_SECRET";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
    private static final int PAYLOAD_BYTES = 16 + Long.BYTES;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    /** One initialised Mac per thread: looking up and keying a Mac on every request was measurable. */
    private final ThreadLocal<Mac> macs;

    public SessionIds(byte[] secret) {
        if (secret == null || secret.length == 0) throw new IllegalArgumentException("empty session secret");
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac(); // fail at construction, not on the first request, if HmacSHA256 is missing
    }

    /** The secret from {@code NAFTIKO_SESSION_SECRET}, or 32 random bytes when unset or blank. */
    public static SessionIds fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            return new SessionIds(secret);
        }
        return new SessionIds(value.getBytes(StandardCharsets.UTF_8));
    }

    public String issue(long nowMillis) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).put(nonce).putLong(nowMillis).array();
        String head = B64.encodeToString(payload);
        return head + "." + B64.encodeToString(sign(head));
    }

    /** True when {@code id} was issued with this secret (constant-time comparison). */
    public boolean isValid(String id) {
        if (id == null || id.length() > 128) return false;
        int dot = id.indexOf('.');
        if (dot <= 0 || dot != id.lastIndexOf('.')) return false;
        String head = id.substring(0, dot);
        try {
            if (B64_DECODE.decode(head).length != PAYLOAD_BYTES) return false;
            // Compare the canonical encoding, not decoded bytes: base64 ignores the unused low bits of
            // the last character, so two different strings can decode to the same MAC.
            byte[] expected = B64.encodeToString(sign(head)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, id.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] sign(String head) {
        // doFinal resets the Mac, so the thread's instance is ready for the next id.
        return macs.get().doFinal(head.getBytes(StandardCharsets.US_ASCII));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
