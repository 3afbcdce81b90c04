package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.badgeworks.security.control.CredentialCache.Current;
import dev.badgeworks.security.control.CredentialCache.Expired;
import dev.badgeworks.security.control.CredentialCache.Unknown;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialCacheTest {

    private static final Caller ALICE = new Caller(7, 70, "alice", dev.badgeworks.security.entity.Role.USER);
    private static final String HASH = "pbkdf2-sha256$1$c2FsdA$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs";
    private static final long TTL = Duration.ofMinutes(5).toNanos();

    private final AtomicLong clock = new AtomicLong();
    private final CredentialCache cache = new CredentialCache(Duration.ofNanos(TTL), clock::get);

    @Test
    void remembersAVerifiedCredential() {
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
    }

    @Test
    void missesOnWrongPasswordOrUnknownUser() {
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        assertTrue(cache.lookup("alice", "wrong") instanceof Unknown);
        assertTrue(cache.lookup("bob", "s3cret") instanceof Unknown);
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        cache.remember("alice", "old", ALICE, HASH, cache.generation());
        cache.remember("alice", "new", ALICE, HASH, cache.generation());
        assertTrue(cache.lookup("alice", "old") instanceof Unknown);
        assertEquals(new Current(ALICE), cache.lookup("alice", "new"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5_000_000_000_000_000_000L, Long.MAX_VALUE - 1_000})
    void entriesExpireAfterTheTtlWhereverTheNanoClockStarts(long origin) {
        clock.set(origin);
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
        clock.set(origin + TTL);
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
        clock.set(origin + TTL + 1);
        // past its time the password is still known to have matched the hash it was checked against
        assertEquals(new Expired(HASH), cache.lookup("alice", "s3cret"));
        assertTrue(cache.lookup("alice", "wrong") instanceof Unknown);
    }

    @Test
    void aRenewedLoginIsCurrentForAnotherTtl() {
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        clock.set(TTL + 1);
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        clock.set(2 * TTL);
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
    }

    @Test
    void aForgottenLoginIsNotKnownEvenAsExpired() {
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        clock.set(TTL + 1);
        cache.forget("alice");
        assertTrue(cache.lookup("alice", "s3cret") instanceof Unknown);
    }

    @Test
    void aLoginThatReadTheUserBeforeAChangeIsNotRememberedAfterIt() {
        // issue 26: a login read alice before her disabling committed, finished its hash after the forget, and was
        // remembered: she kept working on that instance until the next poll
        long readAt = cache.generation();
        cache.forget("alice");
        cache.remember("alice", "s3cret", ALICE, HASH, readAt);
        assertTrue(cache.lookup("alice", "s3cret") instanceof Unknown);
        // a login that read her after the change is remembered as usual
        cache.remember("alice", "s3cret", ALICE, HASH, cache.generation());
        assertEquals(new Current(ALICE), cache.lookup("alice", "s3cret"));
    }
}
