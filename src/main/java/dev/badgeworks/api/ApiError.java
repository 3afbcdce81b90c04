package dev.badgeworks.api;

/** One entry of the envelope's {@code errors}: reference names the offending field path, or is null. */
public record ApiError(int code, String message, String reference) {

    public ErrorCode errorCode() {
        return ErrorCode.of(code, message);
    }
}
