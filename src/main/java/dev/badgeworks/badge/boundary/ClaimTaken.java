package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.platform.RaceRetry;
import jakarta.ejb.ApplicationException;
import java.util.function.Supplier;

/**
 * A concurrent first claim of the same owner inserted the claim first: the unique constraint refused ours and the
 * transaction rolls back. Claiming again, in a new transaction, finds the winner's claim and answers with it.
 */
@ApplicationException(rollback = true)
public class ClaimTaken extends RuntimeException {

    private static final int ATTEMPTS = 5;

    public ClaimTaken() {
        super("claim inserted by a concurrent request", null, false, false);
    }

    /**
     * Runs {@code claim} (one transaction) again while it loses such a race; a claim that keeps losing is a 409
     * the client may retry. Must be called outside a transaction.
     */
    static <T> T retrying(Supplier<T> claim) {
        return RaceRetry.retrying(claim, ClaimTaken.class, ATTEMPTS, 10,
                lost -> ErrorCode.CONCURRENT_CHANGE.exception("referenceId"));
    }
}
