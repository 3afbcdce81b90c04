package dev.badgeworks.security.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing without handing an attacker a way to lock real users out for long. Failures are counted
 * per username and client address together, per client address alone, and per username alone (guesses spread
 * over many addresses); past the free failures each key waits twice as long as before, up to a cap. A few guesses
 * from one address never block the same user logging in from another; only many guesses at one username from
 * everywhere slow its logins, and never by more than half a minute. A blocked attempt is refused before any
 * password is hashed, so guessing costs the server nothing either. Counts are forgotten after a quiet period and
 * are kept per instance (a client spread over several instances gets each one's allowance).
 */
public final class LoginThrottle {

    /** After how many failures each further attempt must wait, and how the wait grows. */
    public record Policy(int freeFailures, Duration firstWait, Duration maxWait) {
    }

    public static final Policy PER_USER_AND_ADDRESS = new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(1));
    public static final Policy PER_ADDRESS = new Policy(50, Duration.ofSeconds(1), Duration.ofMinutes(5));
    /** A low cap: this key is the one an attacker can push for a real user, who then waits at most this long. */
    public static final Policy PER_USER = new Policy(50, Duration.ofSeconds(1), Duration.ofSeconds(30));
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 200_000;

    private record Failures(int count, long lastFailureNanos, long blockedUntilNanos) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public LoginThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** How long this login must wait before it may be checked at all; empty when it may be checked now. */
    public Optional<Duration> waitBefore(String usernameKey, String address) {
        long now = nanoClock.getAsLong();
        long until = Math.max(Math.max(blockedUntil(pairKey(usernameKey, address), now),
                blockedUntil(addressKey(address), now)), blockedUntil(userKey(usernameKey), now));
        return until - now > 0 ? Optional.of(Duration.ofNanos(until - now)) : Optional.empty();
    }

    public void failed(String usernameKey, String address) {
        long now = nanoClock.getAsLong();
        if (failures.size() >= MAX_KEYS) {
            forgetQuiet(now);
        }
        count(pairKey(usernameKey, address), PER_USER_AND_ADDRESS, now);
        count(addressKey(address), PER_ADDRESS, now);
        count(userKey(usernameKey), PER_USER, now);
    }

    /**
     * A right password clears its user's failures from that address; the address's own count and the username's
     * count over all addresses stay (a login of the real user must not reset a distributed guesser's count).
     */
    public void succeeded(String usernameKey, String address) {
        failures.remove(pairKey(usernameKey, address));
    }

    private long blockedUntil(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? now : f.blockedUntilNanos;
    }

    private void count(String key, Policy policy, long now) {
        failures.compute(key, (k, old) -> {
            int count = old == null || now - old.lastFailureNanos > FORGET_AFTER.toNanos() ? 1 : old.count + 1;
            long wait = 0;
            if (count >= policy.freeFailures) {
                int doublings = Math.min(count - policy.freeFailures, 30);
                wait = Math.min(policy.firstWait.toNanos() << doublings, policy.maxWait.toNanos());
            }
            return new Failures(count, now, now + wait);
        });
    }

    private void forgetQuiet(long now) {
        failures.values().removeIf(f -> now - f.lastFailureNanos > FORGET_AFTER.toNanos());
    }

    private static String pairKey(String usernameKey, String address) {
        return "u\u0000" + usernameKey + "\u0000" + address;
    }

    private static String userKey(String usernameKey) {
        return "n\u0000" + usernameKey;
    }

    private static String addressKey(String address) {
        return "a\u0000" + address;
    }
}
