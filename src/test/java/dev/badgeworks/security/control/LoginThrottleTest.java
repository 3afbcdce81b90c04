package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final AtomicLong clock = new AtomicLong();
    private final LoginThrottle throttle = new LoginThrottle(clock::get);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void aFewFailuresAreFreeThenWaitsDoubleUpToTheCap() {
        fail("alice", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 1);
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitBefore("alice", "10.0.0.1"));
        fail("alice", "10.0.0.1", 30);
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.waitBefore("alice", "10.0.0.1"));
        advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"), "never locked out past the cap");
    }

    @Test
    void guessesFromOneAddressDoNotBlockTheUserElsewhere() {
        fail("alice", "10.0.0.66", 20);
        assertTrue(throttle.waitBefore("alice", "10.0.0.66").isPresent());
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
    }

    @Test
    void oneAddressGuessingManyUsernamesIsSlowedToo() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("user-" + i, "10.0.0.66");
        }
        assertEquals(Optional.empty(), throttle.waitBefore("someone-else", "10.0.0.66"));
        throttle.failed("user-49", "10.0.0.66");
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore("someone-else", "10.0.0.66"));
        assertEquals(Optional.empty(), throttle.waitBefore("someone-else", "10.0.0.1"));
    }

    @Test
    void oneUsernameGuessedFromManyAddressesIsSlowedEverywhereButNeverPastHalfAMinute() {
        for (int i = 0; i < 49; i++) {
            throttle.failed("alice", "10.1.0." + i);
        }
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.9.9.9"));
        throttle.failed("alice", "10.1.0.49");
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitBefore("alice", "10.9.9.9"));
        assertEquals(Optional.empty(), throttle.waitBefore("bob", "10.9.9.9"), "other users are not slowed");
        for (int i = 50; i < 100; i++) {
            throttle.failed("alice", "10.1.0." + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitBefore("alice", "10.9.9.9"), "the cap");
        throttle.succeeded("alice", "10.9.9.9");
        assertTrue(throttle.waitBefore("alice", "10.1.0.1").isPresent(), "the real user's login resets no guesser");
        advance(Duration.ofSeconds(30));
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.9.9.9"), "the real user waits no longer");
    }

    @Test
    void aRightPasswordClearsTheUsersFailuresAndQuietTimeForgetsThem() {
        fail("alice", "10.0.0.1", 4);
        throttle.succeeded("alice", "10.0.0.1");
        fail("alice", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"));
        advance(Duration.ofMinutes(16));
        fail("alice", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.waitBefore("alice", "10.0.0.1"), "counting started afresh");
    }
}
