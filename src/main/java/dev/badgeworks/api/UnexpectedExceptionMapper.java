package dev.badgeworks.api;

import dev.badgeworks.platform.DatabaseOutage;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: 500 with code 999999 and a correlation id the operator finds in the log.
 * The client never sees a stack trace. An API error or a lost optimistic lock (a concurrent change of the same row,
 * at a flush or at the commit, however the container wrapped it) is no surprise: its own answer. Nor is a database
 * that cannot be reached for now (a failover, a restart): 503 1190 with Retry-After, logged in one line.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return ApiExceptionMapper.response(api);
            }
            if (t instanceof OptimisticLockException) {
                return ApiExceptionMapper.response(ErrorCode.CONCURRENT_CHANGE.exception());
            }
        }
        if (DatabaseOutage.causedBy(e)) {
            LOG.warning(() -> "Database unavailable, answered 503: " + LogSafe.rootCause(e));
            return unavailable();
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, correlationId=" + correlationId, LogSafe.failure(e));
        return internalError(correlationId);
    }

    /** A client retries after this many seconds: a failover takes seconds to tens of seconds. */
    static final int RETRY_AFTER_SECONDS = 2;

    static Response unavailable() {
        ApiError error = ErrorCode.DATABASE_UNAVAILABLE.at(null);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS).entity(Envelope.failure(List.of(error))).build();
    }

    static Response internalError(String correlationId) {
        ApiError error = new ApiError(ErrorCode.INTERNAL_ERROR.code(),
                ErrorCode.INTERNAL_ERROR.message() + " correlationId=" + correlationId, null);
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.failure(List.of(error))).build();
    }
}
