package dev.badgeworks.earn.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A request overlaps only with a running request of its own org and requestId; a finished one is forgotten. */
class RequestsInFlightTest {

    final RequestsInFlight running = new RequestsInFlight();

    @Test
    void aSecondRequestWhileTheFirstRunsOverlaps() {
        try (RequestsInFlight.Entry first = running.enter(1, "r-1");
             RequestsInFlight.Entry second = running.enter(1, "r-1")) {
            assertFalse(first.overlapped());
            assertTrue(second.overlapped());
        }
    }

    @Test
    void aRepeatAfterTheFirstFinishedDoesNotOverlap() {
        running.enter(1, "r-1").close();
        try (RequestsInFlight.Entry repeat = running.enter(1, "r-1")) {
            assertFalse(repeat.overlapped());
        }
    }

    @Test
    void theLastOfSeveralToFinishClearsTheRequestId() {
        RequestsInFlight.Entry a = running.enter(1, "r-1");
        RequestsInFlight.Entry b = running.enter(1, "r-1");
        a.close();
        try (RequestsInFlight.Entry c = running.enter(1, "r-1")) {
            assertTrue(c.overlapped(), "b still runs");
        }
        b.close();
        try (RequestsInFlight.Entry d = running.enter(1, "r-1")) {
            assertFalse(d.overlapped());
        }
    }

    @Test
    void otherOrgsAndOtherRequestIdsNeverOverlap() {
        try (RequestsInFlight.Entry a = running.enter(1, "r-1");
             RequestsInFlight.Entry otherOrg = running.enter(2, "r-1");
             RequestsInFlight.Entry otherId = running.enter(1, "r-2");
             RequestsInFlight.Entry b = running.enter(1, "11");
             // "1" + "11" and "11" + "1" read alike when joined without a separator
             RequestsInFlight.Entry joined = running.enter(11, "1")) {
            assertFalse(otherOrg.overlapped());
            assertFalse(otherId.overlapped());
            assertFalse(joined.overlapped());
        }
    }
}
