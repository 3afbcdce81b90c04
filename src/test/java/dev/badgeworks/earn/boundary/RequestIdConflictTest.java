package dev.badgeworks.earn.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.earn.control.RequestIdConflict;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A requestId race still undecided after every attempt is answered 409 1125 at requestId, never a 500. */
class RequestIdConflictTest {

    @Test
    void aRaceLostEveryTimeIsAConflictAtTheRequestId() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger lost = new AtomicInteger();
        ApiException e = assertThrows(ApiException.class, () -> RequestIdConflict.retrying(() -> {
            runs.incrementAndGet();
            throw new RequestIdConflict(null);
        }, lost::incrementAndGet));
        assertEquals(409, e.httpStatus());
        assertEquals(1125, e.errors().get(0).code());
        assertEquals("requestId", e.errors().get(0).reference());
        assertEquals(10, runs.get());
        assertEquals(10, lost.get());
    }

    @Test
    void aRaceLostOnceAnswersTheNextRun() {
        AtomicInteger runs = new AtomicInteger();
        assertEquals("winner's", RequestIdConflict.retrying(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new RequestIdConflict(null);
            }
            return "winner's";
        }));
    }
}
