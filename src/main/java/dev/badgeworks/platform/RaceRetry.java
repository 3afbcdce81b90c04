package dev.badgeworks.platform;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it lost a race the database decided (a unique key taken by a concurrent request):
 * the next run finds the winner's row and answers as a repeat would. Must be called outside a transaction.
 */
public final class RaceRetry {

    private RaceRetry() {
    }

    /**
     * Runs {@code work} until it does not throw {@code race}, at most {@code attempts} times, waiting a little
     * longer each time (H2 may refuse a row before its winner commits, PostgreSQL waits for that commit itself);
     * a race lost every time becomes {@code giveUp}'s exception.
     */
    public static <T, E extends RuntimeException> T retrying(Supplier<T> work, Class<E> race, int attempts,
                                                             long pauseMillis, Function<E, RuntimeException> giveUp) {
        return retrying(work, race, attempts, pauseMillis, giveUp, () -> { });
    }

    /** As above, calling {@code lost} each time a run lost the race (the last one too), e.g. to count it. */
    public static <T, E extends RuntimeException> T retrying(Supplier<T> work, Class<E> race, int attempts,
                                                             long pauseMillis, Function<E, RuntimeException> giveUp,
                                                             Runnable lost) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!race.isInstance(e)) {
                    throw e;
                }
                lost.run();
                if (attempt == attempts) {
                    throw giveUp.apply(race.cast(e));
                }
                try {
                    Thread.sleep(attempt * pauseMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw giveUp.apply(race.cast(e));
                }
            }
        }
    }
}
