package dev.badgeworks.incontainer;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs n calls at once, each on its own managed thread (the server's context: transactions, JNDI, CDI), released
 * together once all are ready; answers their results in order. Threads, not the default executor: its pool may run
 * fewer tasks at once than asked.
 */
public final class Racing {

    private Racing() {
    }

    public static <T> List<T> run(ManagedThreadFactory threads, int n, IntFunction<T> call) {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            CompletableFuture<T> result = new CompletableFuture<>();
            results.add(result);
            threads.newThread(() -> {
                ready.countDown();
                try {
                    go.await();
                    result.complete(call.apply(index));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }).start();
        }
        try {
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(n + " managed threads did not start");
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (CompletableFuture<T> r : results) {
                answers.add(r.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a racing call did not end within 60 s", e);
        }
    }
}
