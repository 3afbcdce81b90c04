package dev.badgeworks.earn.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A concurrent request inserted the same requestId first: the database's unique constraint refused ours. The
 * transaction is rolled back; running the request again finds the winner's result and answers as a repeat.
 */
@ApplicationException(rollback = true)
public class RequestIdConflict extends RuntimeException {

    public RequestIdConflict(Throwable cause) {
        super("requestId taken by a concurrent request", cause, false, false);
    }
}
