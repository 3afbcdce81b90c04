package dev.badgeworks.events.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code X-Badgeworks-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} with {@code X-Badgeworks-Timestamp: <epoch seconds>}. Signing the timestamp with the body lets a receiver
 * refuse an old POST replayed at it; README shows how to verify.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Badgeworks-Signature";
    public static final String TIMESTAMP_HEADER = "X-Badgeworks-Timestamp";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** What a receiver does: recompute and compare in constant time. */
    public static boolean verify(String secret, long timestampSeconds, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestampSeconds, body)
                .getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
    }
}
