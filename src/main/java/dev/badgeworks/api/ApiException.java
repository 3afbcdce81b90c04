package dev.badgeworks.api;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A request the API refuses, with one or more coded errors. Rolls back the surrounding transaction so a
 * refused request stores nothing, and crosses EJB boundaries unwrapped.
 */
@ApplicationException(rollback = true)
public class ApiException extends RuntimeException {

    private final transient List<ApiError> errors;
    private final transient Object data;

    public ApiException(ApiError error) {
        this(List.of(error), null);
    }

    public ApiException(List<ApiError> errors) {
        this(errors, null);
    }

    /** A refusal that still carries data, e.g. the original result of a repeated request. */
    public ApiException(List<ApiError> errors, Object data) {
        super(errors.isEmpty() ? "refused" : errors.get(0).code() + " " + errors.get(0).message(), null, false, false);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an ApiException needs at least one error");
        }
        this.errors = List.copyOf(errors);
        this.data = data;
    }

    public List<ApiError> errors() {
        return errors;
    }

    public Object data() {
        return data;
    }

    public ErrorCode firstCode() {
        return errors.get(0).errorCode();
    }

    public int httpStatus() {
        return firstCode().httpStatus();
    }
}
