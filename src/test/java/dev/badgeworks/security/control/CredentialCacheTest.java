package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialCacheTest {

    private static final Caller ALICE = new Caller(7, 70, "alice", dev.badgeworks.security.entity.Role.USER);
    private static final long TTL = Duration.ofMinutes(5).toNanos();

    private final AtomicLong clock = new AtomicLong();
    private final CredentialCache cache = new CredentialCache(Duration.ofNanos(TTL), clock::get);

    @Test
    void remembersAVerifiedCredential() {
        cache.remember("alice", "s3cret", ALICE, cache.generation());
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "s3cret"));
    }

    @Test
    void missesOnWrongPasswordOrUnknownUser() {
        cache.remember("alice", "s3cret", ALICE, cache.generation());
        assertTrue(cache.lookup("alice", "wrong").isEmpty());
        assertTrue(cache.lookup("bob", "s3cret").isEmpty());
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "s3cret"));
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        cache.remember("alice", "old", ALICE, cache.generation());
        cache.remember("alice", "new", ALICE, cache.generation());
        assertTrue(cache.lookup("alice", "old").isEmpty());
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "new"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5_000_000_000_000_000_000L, Long.MAX_VALUE - 1_000})
    void entriesExpireAfterTheTtlWhereverTheNanoClockStarts(long origin) {
        clock.set(origin);
        cache.remember("alice", "s3cret", ALICE, cache.generation());
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "s3cret"));
        clock.set(origin + TTL);
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "s3cret"));
        clock.set(origin + TTL + 1);
        assertTrue(cache.lookup("alice", "s3cret").isEmpty());
        clock.set(origin);
        assertTrue(cache.lookup("alice", "s3cret").isEmpty());
    }

    @Test
    void aLoginThatReadTheUserBeforeAChangeIsNotRememberedAfterIt() {
        // issue 26: a login read alice before her disabling committed, finished its hash after the forget, and was
        // remembered: she kept working on that instance until the next poll
        long readAt = cache.generation();
        cache.forget("alice");
        cache.remember("alice", "s3cret", ALICE, readAt);
        assertTrue(cache.lookup("alice", "s3cret").isEmpty());
        // a login that read her after the change is remembered as usual
        cache.remember("alice", "s3cret", ALICE, cache.generation());
        assertEquals(Optional.of(ALICE), cache.lookup("alice", "s3cret"));
    }
}
