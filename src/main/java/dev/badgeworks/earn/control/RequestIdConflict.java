package dev.badgeworks.earn.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.RaceRetry;
import jakarta.ejb.ApplicationException;
import java.util.function.Supplier;

/**
 * A concurrent request inserted the same requestId first: the database's unique constraint refused ours. The
 * transaction is rolled back; running the request again finds the winner's result and answers as a repeat.
 */
@ApplicationException(rollback = true)
public class RequestIdConflict extends RuntimeException {

    private static final int ATTEMPTS = 10;

    public RequestIdConflict(Throwable cause) {
        super("requestId taken by a concurrent request", cause, false, false);
    }

    /**
     * Runs {@code work} (one transaction) and runs it again when a concurrent request won a requestId race, so
     * the loser answers as a repeat of the winner; a race still undecided after every attempt is 409 1125. Must be
     * called outside a transaction.
     */
    public static <T> T retrying(Supplier<T> work) {
        return retrying(work, () -> { });
    }

    /** As {@link #retrying(Supplier)}, calling {@code lost} for each race lost (to count it). */
    public static <T> T retrying(Supplier<T> work, Runnable lost) {
        return RaceRetry.retrying(work, RequestIdConflict.class, ATTEMPTS, 20,
                e -> ErrorCode.CONCURRENT_CHANGE.exception("requestId",
                        "(a request with the same requestId is still being processed)"), lost);
    }
}
