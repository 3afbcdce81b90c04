package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers asking while a read runs share the next read, never the running one (it may have started before their
 * question), the database sees one read per key at a time, and a failed shared read leaves each caller to read alone.
 */
class SharedReadTest {

    final ExecutorService callers = Executors.newFixedThreadPool(16);
    final SharedRead<String, Integer> shared = new SharedRead<>();
    /** The "database": each read answers the number of reads begun so far; the first waits for {@code release}. */
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger readingNow = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private Integer read() {
        int n = reads.incrementAndGet();
        mostAtOnce.accumulateAndGet(readingNow.incrementAndGet(), Math::max);
        try {
            if (n == 1) {
                await(release);
            }
            return n;
        } finally {
            readingNow.decrementAndGet();
        }
    }

    @Test
    void aLoneCallerReadsAtOnceEachTime() {
        release.countDown();
        assertEquals(1, shared.read("org", this::read));
        assertEquals(2, shared.read("org", this::read));
        assertEquals(0, shared.waiting());
    }

    @Test
    void callersAskingWhileAReadRunsShareTheNextOne() throws Exception {
        Future<Integer> first = callers.submit(() -> shared.read("org", this::read));
        waitUntil(() -> reads.get() == 1);
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            later.add(callers.submit(() -> shared.read("org", this::read)));
        }
        waitUntil(() -> shared.waiting() == 10);
        assertEquals(1, reads.get(), "nobody reads while the first read runs");
        release.countDown();
        assertEquals(1, first.get(5, TimeUnit.SECONDS));
        for (Future<Integer> f : later) {
            assertEquals(2, f.get(5, TimeUnit.SECONDS), "each later caller got the read begun after it asked");
        }
        assertEquals(2, reads.get(), "ten callers, one read");
        assertEquals(1, mostAtOnce.get());
        assertEquals(0, shared.waiting());
    }

    @Test
    void otherKeysReadAtOnce() throws Exception {
        Future<Integer> first = callers.submit(() -> shared.read("org-a", this::read));
        waitUntil(() -> reads.get() == 1);
        assertEquals(2, callers.submit(() -> shared.read("org-b", this::read)).get(5, TimeUnit.SECONDS),
                "org-b does not wait for org-a's read");
        release.countDown();
        assertEquals(1, first.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aFailedSharedReadLeavesEachWaitingCallerToReadAlone() throws Exception {
        Future<Integer> first = callers.submit(() -> shared.read("org", this::read));
        waitUntil(() -> reads.get() == 1);
        Future<Integer> failed = callers.submit(() -> shared.read("org", () -> {
            reads.incrementAndGet();
            throw new IllegalStateException("the leader's transaction timed out");
        }));
        waitUntil(() -> shared.waiting() == 1);
        List<Future<Integer>> later = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            later.add(callers.submit(() -> shared.read("org", this::read)));
        }
        waitUntil(() -> shared.waiting() == 4);
        release.countDown();
        assertEquals(1, first.get(5, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
        assertEquals("the leader's transaction timed out", e.getCause().getMessage());
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> f : later) {
            answers.add(f.get(5, TimeUnit.SECONDS));
        }
        assertEquals(5, reads.get(), "the first read, the failed one, then one each: " + answers);
        assertTrue(answers.containsAll(List.of(3, 4, 5)), "each read its own: " + answers);
        assertEquals(0, shared.waiting());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting");
            Thread.sleep(5);
        }
    }
}
