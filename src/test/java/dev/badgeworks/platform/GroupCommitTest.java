package dev.badgeworks.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callers get their own answers, batches form only while others run, and one item's failure stays its own. */
class GroupCommitTest {

    final ExecutorService callers = Executors.newFixedThreadPool(16);
    final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    /** The work: answers each item upper-cased, after the first batch waited for {@code release}. */
    private GroupCommit<String, String, String> grouping(int maxRunning, int maxBatch, CountDownLatch release) {
        AtomicInteger calls = new AtomicInteger();
        return new GroupCommit<>(maxRunning, maxBatch, (key, items) -> {
            batches.add(items);
            if (calls.incrementAndGet() == 1) {
                await(release);
            }
            if (items.contains("poison")) {
                throw new IllegalArgumentException("poison in " + items);
            }
            return items.stream().map(i -> key + ":" + i.toUpperCase()).toList();
        });
    }

    @Test
    void aLoneCallerRunsAtOnceAndAlone() {
        GroupCommit<String, String, String> grouping = grouping(1, 64, new CountDownLatch(0));
        assertEquals("org:A", grouping.submit("org", "a"));
        assertEquals("org:B", grouping.submit("org", "b"));
        assertEquals(List.of(List.of("a"), List.of("b")), batches);
    }

    @Test
    void callersArrivingWhileABatchRunsAreRunTogetherInTheNext() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String, String> grouping = grouping(1, 64, release);
        Future<String> first = firstBatchRunning(grouping, "org");
        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String item = "w" + i;
            waiting.add(callers.submit(() -> grouping.submit("org", item)));
        }
        waitUntil(() -> grouping.waiting() == 10);
        release.countDown();
        assertEquals("org:FIRST", first.get(5, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) {
            assertEquals("org:W" + i, waiting.get(i).get(5, TimeUnit.SECONDS), "each caller gets its own answer");
        }
        assertEquals(2, batches.size(), "the ten waiting callers shared one batch: " + batches);
        assertEquals(10, batches.get(1).size());
    }

    @Test
    void aBatchTakesAtMostMaxBatchCallersAndOneKeyPerCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String, String> grouping = grouping(1, 4, release);
        Future<String> first = firstBatchRunning(grouping, "a");
        List<Future<String>> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            waiting.add(queued(grouping, i % 2 == 0 ? "a" : "b", "w" + i));
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 10; i++) {
            assertEquals((i % 2 == 0 ? "a" : "b") + ":W" + i, waiting.get(i).get(5, TimeUnit.SECONDS));
        }
        // batches of 4 in arrival order (w0-w3, w4-w7, w8-w9), each run as one call per key
        assertEquals(List.of(List.of("w0", "w2"), List.of("w1", "w3"), List.of("w4", "w6"), List.of("w5", "w7"),
                List.of("w8"), List.of("w9")), batches.subList(1, batches.size()));
    }

    @Test
    void aFailingItemFailsAloneAndTheOthersOfItsBatchStillGetTheirAnswers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String, String, String> grouping = grouping(1, 64, release);
        Future<String> first = firstBatchRunning(grouping, "org");
        Future<String> before = queued(grouping, "org", "before");
        Future<String> poison = queued(grouping, "org", "poison");
        Future<String> after = queued(grouping, "org", "after");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals("org:BEFORE", before.get(5, TimeUnit.SECONDS));
        assertEquals("org:AFTER", after.get(5, TimeUnit.SECONDS));
        Exception failed = assertThrows(Exception.class, () -> poison.get(5, TimeUnit.SECONDS));
        assertEquals(IllegalArgumentException.class, failed.getCause().getClass());
        assertEquals("poison in [poison]", failed.getCause().getMessage(), "its own failure, from running alone");
        assertEquals(List.of(List.of("first"), List.of("before", "poison", "after"), List.of("before"),
                List.of("poison"), List.of("after")), batches);
    }

    @Test
    void underLoadEveryCallerGetsItsOwnAnswerAndNoMoreThanMaxRunningBatchesRun() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger items = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<Integer, Integer, Integer> grouping = new GroupCommit<>(2, 16, (key, values) -> {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            calls.incrementAndGet();
            items.addAndGet(values.size());
            Thread.onSpinWait();
            now.decrementAndGet();
            return values.stream().map(v -> v * 10 + key).toList();
        });
        List<Future<Boolean>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int key = t % 3;
            int thread = t;
            done.add(callers.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    int value = thread * 100_000 + i;
                    if (grouping.submit(key, value) != value * 10 + key) {
                        return false;
                    }
                }
                return true;
            }));
        }
        for (Future<Boolean> d : done) {
            assertTrue(d.get(60, TimeUnit.SECONDS), "a caller got another's answer");
        }
        assertEquals(32_000, items.get());
        assertTrue(most.get() <= 2, "at most 2 batches at once, saw " + most.get());
        assertTrue(calls.get() < 32_000, "some callers shared a batch: " + calls.get() + " calls");
        assertEquals(0, grouping.waiting());
    }

    /** A caller whose batch runs, and holds the only runner until the work's latch is released. */
    private Future<String> firstBatchRunning(GroupCommit<String, String, String> grouping, String key)
            throws InterruptedException {
        Future<String> first = callers.submit(() -> grouping.submit(key, "first"));
        waitUntil(() -> batches.size() == 1);
        return first;
    }

    /** A caller queued behind the running batch, once it is queued: the queue's order is the order of these calls. */
    private Future<String> queued(GroupCommit<String, String, String> grouping, String key, String item)
            throws InterruptedException {
        int before = grouping.waiting();
        Future<String> caller = callers.submit(() -> grouping.submit(key, item));
        waitUntil(() -> grouping.waiting() == before + 1);
        return caller;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting");
            Thread.sleep(5);
        }
    }
}
