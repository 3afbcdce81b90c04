package dev.badgeworks.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of a password under a key drawn at random for this object: what the server keeps in memory to
 * recognise a password again, never the password itself, and worthless outside this process.
 */
final class KeyedMac {

    private final byte[] key = new byte[32];
    /** One keyed Mac per thread: looking up and keying a Mac on every request cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    KeyedMac() {
        new SecureRandom().nextBytes(key);
    }

    byte[] of(String password) {
        return macs.get().doFinal(password.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
