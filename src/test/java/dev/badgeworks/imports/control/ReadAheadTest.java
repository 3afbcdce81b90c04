package dev.badgeworks.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    private final ThreadFactory threads = Executors.defaultThreadFactory();

    @Test
    void everyItemComesOnceInOrderThenTheEnd() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(threads, 3,
                () -> made.get() < 1000 ? made.incrementAndGet() : null, released::countDown)) {
            Integer item;
            while ((item = ahead.next()) != null) {
                taken.add(item);
            }
            assertNull(ahead.next(), "the end stays the end");
        }
        assertEquals(1000, taken.size());
        for (int i = 0; i < taken.size(); i++) {
            assertEquals(i + 1, taken.get(i));
        }
        assertTrue(released.await(5, TimeUnit.SECONDS), "the producer released what it held");
    }

    @Test
    void theProducersFailureComesAfterTheItemsBeforeIt() throws Exception {
        AtomicInteger made = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(threads, 10, () -> {
            if (made.get() == 2) {
                throw new IOException("line 3 is not valid UTF-8");
            }
            return made.incrementAndGet();
        }, () -> { })) {
            assertEquals(1, ahead.next());
            assertEquals(2, ahead.next());
            IOException e = assertThrows(IOException.class, ahead::next);
            assertEquals("line 3 is not valid UTF-8", e.getMessage());
        }
    }

    @Test
    void closingStopsAProducerWaitingForRoomAndReadsNoFurther() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        ReadAhead<Integer> ahead = new ReadAhead<>(threads, 5, made::incrementAndGet, released::countDown);
        assertEquals(1, ahead.next());
        ahead.close();
        assertTrue(released.await(5, TimeUnit.SECONDS), "the producer stopped and released its file");
        int after = made.get();
        // the one taken, a full queue, the one that was waiting for room (the close emptied the queue, so it went in)
        // and one more that it then could not hand over
        assertTrue(after <= 1 + 5 + 1 + 1, "read at most its capacity ahead, and two more: " + after);
        Thread.sleep(200);
        assertEquals(after, made.get(), "nothing is read after the close");
    }

    @Test
    void anErrorOfTheProducerReachesTheTakerInsteadOfLeavingItWaiting() throws Exception {
        try (ReadAhead<Integer> ahead = new ReadAhead<>(threads, 10, () -> {
            throw new StackOverflowError("a line too deep to parse");
        }, () -> { })) {
            StackOverflowError e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                    () -> assertThrows(StackOverflowError.class, ahead::next));
            assertEquals("a line too deep to parse", e.getMessage());
            assertNull(ahead.next(), "after the failure, the end");
        }
    }
}
