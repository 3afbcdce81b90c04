package dev.badgeworks.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordChecksTest {

    private static final PasswordHasher HASHER = new PasswordHasher(1000);
    private static final String ALICE_HASH = HASHER.hash("s3cret");

    private final AtomicInteger runs = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    /** Counts the slow checks and holds each until the test releases it, as a 600,000-iteration hash would. */
    private final PasswordChecks checks = new PasswordChecks((password, stored) -> {
        runs.incrementAndGet();
        await(release);
        return HASHER.verify(password, stored);
    });
    private final ExecutorService clients = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    @Test
    void concurrentChecksOfOneCredentialRunTheHashOnceAndAllGetItsAnswer() throws Exception {
        List<Future<Boolean>> right = start(12, "alice", "s3cret", ALICE_HASH);
        List<Future<Boolean>> wrong = start(4, "alice", "guess", ALICE_HASH);
        release.countDown();
        for (Future<Boolean> answer : right) {
            assertTrue(answer.get(10, TimeUnit.SECONDS));
        }
        for (Future<Boolean> answer : wrong) {
            assertFalse(answer.get(10, TimeUnit.SECONDS));
        }
        // one run for the right password, one for the guess: a guess never shares the right password's answer
        assertEquals(2, runs.get());
    }

    @Test
    void anotherUsernameWithTheSamePasswordAndHashIsCheckedOnItsOwn() throws Exception {
        List<Future<Boolean>> answers = new ArrayList<>(start(1, "alice", "s3cret", ALICE_HASH));
        answers.addAll(start(1, "mallory", "s3cret", ALICE_HASH));
        release.countDown();
        for (Future<Boolean> answer : answers) {
            assertTrue(answer.get(10, TimeUnit.SECONDS));
        }
        assertEquals(2, runs.get());
    }

    @Test
    void aCheckAfterTheLastOneEndedRunsTheHashAgain() {
        release.countDown();
        assertTrue(checks.verify("alice", "s3cret", ALICE_HASH));
        assertTrue(checks.verify("alice", "s3cret", ALICE_HASH));
        assertEquals(2, runs.get());
    }

    @Test
    void aFailingCheckFailsEveryRequestThatWaitedForIt() throws Exception {
        PasswordChecks broken = new PasswordChecks((password, stored) -> {
            runs.incrementAndGet();
            await(release);
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable");
        });
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(clients.submit(() -> {
                together.await();
                return broken.verify("alice", "s3cret", ALICE_HASH);
            }));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<Boolean> answer : answers) {
            var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> answer.get(10, TimeUnit.SECONDS));
            assertEquals(IllegalStateException.class, failure.getCause().getClass());
        }
        assertEquals(1, runs.get());
        // and the next check runs anew instead of finding the failed one
        assertThrows(IllegalStateException.class, () -> broken.verify("alice", "s3cret", ALICE_HASH));
        assertEquals(2, runs.get());
    }

    /** Starts {@code n} checks at once and gives them time to reach the check before the first one is released. */
    private List<Future<Boolean>> start(int n, String username, String password, String stored)
            throws InterruptedException {
        CyclicBarrier together = new CyclicBarrier(n);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            answers.add(clients.submit(() -> {
                together.await();
                return checks.verify(username, password, stored);
            }));
        }
        Thread.sleep(200);
        return answers;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
