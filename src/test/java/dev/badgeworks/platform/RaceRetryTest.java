package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each lost race is reported once (the server counts them), the last one too; other failures are not races. */
class RaceRetryTest {

    static final class Lost extends RuntimeException {
    }

    @Test
    void eachLostRaceIsReportedAndTheRunAfterItAnswers() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        String answer = RaceRetry.retrying(() -> {
            if (runs.incrementAndGet() < 3) {
                throw new Lost();
            }
            return "won";
        }, Lost.class, 5, 0, e -> e, lost::incrementAndGet);
        assertEquals("won", answer);
        assertEquals(3, runs.get());
        assertEquals(2, lost.get());
    }

    @Test
    void aRaceLostEveryTimeIsReportedEveryTimeAndGivenUp() {
        AtomicInteger lost = new AtomicInteger();
        IllegalStateException given = new IllegalStateException("gave up");
        assertSame(given, assertThrows(IllegalStateException.class, () -> RaceRetry.retrying(() -> {
            throw new Lost();
        }, Lost.class, 4, 0, e -> given, lost::incrementAndGet)));
        assertEquals(4, lost.get());
    }

    @Test
    void anotherFailureIsNoRace() {
        AtomicInteger lost = new AtomicInteger();
        assertThrows(ArithmeticException.class, () -> RaceRetry.retrying(() -> {
            throw new ArithmeticException();
        }, Lost.class, 4, 0, e -> e, lost::incrementAndGet));
        assertEquals(0, lost.get());
    }
}
