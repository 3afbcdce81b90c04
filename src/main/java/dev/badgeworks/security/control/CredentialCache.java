package dev.badgeworks.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers credentials that passed the slow PBKDF2 check, so a client sending Basic auth on every request
 * pays the hash once per TTL instead of once per request. Only a keyed HMAC of the password is kept (key
 * random per process), never the password. Failed attempts are not cached: guessing stays slow.
 */
public final class CredentialCache {

    private record Entry(byte[] mac, Caller caller, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();
    private final byte[] key = new byte[32];
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    /** One keyed Mac per thread: looking up and keying a Mac on every request cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public CredentialCache(Duration ttl, LongSupplier nanoClock) {
        new SecureRandom().nextBytes(key);
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    public Optional<Caller> lookup(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.expiresAtNanos > 0) {
            entries.remove(username, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.mac, mac(password)) ? Optional.of(entry.caller) : Optional.empty();
    }

    /** Changes counted so far: a login reads it before it reads the user, and passes it to {@link #remember}. */
    public long generation() {
        return forgets.get();
    }

    /**
     * Remembers a login read when the cache was at {@code generation}. If any user was forgotten meanwhile (its
     * change may have committed between this login's read and now) it is not kept: a login that read a user just
     * before it was disabled would otherwise be remembered after the forget, and work on for minutes.
     */
    public void remember(String username, String password, Caller caller, long generation) {
        Entry entry = new Entry(mac(password), caller, nanoClock.getAsLong() + ttlNanos);
        entries.put(username, entry);
        if (forgets.get() != generation) {
            entries.remove(username, entry);
        }
    }

    public void forget(String username) {
        forgets.incrementAndGet();
        entries.remove(username);
    }

    private byte[] mac(String password) {
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
