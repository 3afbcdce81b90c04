package dev.badgeworks.security.control;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Remembers credentials that passed the slow PBKDF2 check, so a client sending Basic auth on every request
 * pays the hash once instead of once per request. Only a keyed HMAC of the password is kept (key random per
 * process), never the password. Failed attempts are not cached: guessing stays slow.
 *
 * <p>A remembered login is current for the TTL; after it, the same password is still recognised as having matched
 * the stored hash it was checked against ({@link Expired}), so the caller can renew it by reading the user again
 * instead of hashing again: a busy client's logins all expired at once, and each of its concurrent requests ran
 * the 600,000-iteration hash anew (a stall of the whole server of up to 2.5 s every five minutes, BENCHMARKS.md).
 */
public final class CredentialCache {

    /** What the cache knows of a username and password. */
    public sealed interface Lookup permits Current, Expired, Unknown {
    }

    /** Verified within the TTL: the caller as it was then. */
    public record Current(Caller caller) implements Lookup {
    }

    /** Verified before the TTL ran out, against {@code passwordHash}: valid while the user still has that hash. */
    public record Expired(String passwordHash) implements Lookup {
    }

    /** Never verified here, forgotten since, or another password than the one verified. */
    public record Unknown() implements Lookup {
    }

    private static final Unknown UNKNOWN = new Unknown();

    private record Entry(byte[] mac, Caller caller, String passwordHash, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();
    private final KeyedMac mac = new KeyedMac();
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    public CredentialCache(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    public Lookup lookup(String username, String password) {
        Entry entry = entries.get(username);
        if (entry == null || !MessageDigest.isEqual(entry.mac, mac.of(password))) {
            return UNKNOWN;
        }
        if (nanoClock.getAsLong() - entry.expiresAtNanos > 0) {
            return new Expired(entry.passwordHash);
        }
        return new Current(entry.caller);
    }

    /** Changes counted so far: a login reads it before it reads the user, and passes it to {@link #remember}. */
    public long generation() {
        return forgets.get();
    }

    /**
     * Remembers a login checked against {@code passwordHash}, read when the cache was at {@code generation}. If any
     * user was forgotten meanwhile (its change may have committed between this login's read and now) it is not
     * kept: a login that read a user just before it was disabled would otherwise be remembered after the forget,
     * and work on for minutes.
     */
    public void remember(String username, String password, Caller caller, String passwordHash, long generation) {
        Entry entry = new Entry(mac.of(password), caller, passwordHash, nanoClock.getAsLong() + ttlNanos);
        entries.put(username, entry);
        if (forgets.get() != generation) {
            entries.remove(username, entry);
        }
    }

    public void forget(String username) {
        forgets.incrementAndGet();
        entries.remove(username);
    }
}
