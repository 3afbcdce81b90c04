package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ErrorCode;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return claim.get();
            } catch (ClaimTaken taken) {
                if (attempt == ATTEMPTS) {
                    throw ErrorCode.CONCURRENT_CHANGE.exception("referenceId");
                }
                try {
                    // PostgreSQL's insert waited for the winner's commit; H2 may refuse it before that commit
                    Thread.sleep(attempt * 10L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw ErrorCode.CONCURRENT_CHANGE.exception("referenceId");
                }
            }
        }
    }
}
