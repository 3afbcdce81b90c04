package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import jakarta.json.JsonObject;

/**
 * What became of one activity: RECORDED now (with its answer); DUPLICATE, a repeat of a stored activity with the
 * same content (the first answer attached); CONFLICT, a requestId already used for other content; REJECTED, unread
 * or refused, nothing stored.
 */
public record ActivityOutcome(Kind kind, JsonObject answer, ApiError error) {

    public enum Kind { RECORDED, DUPLICATE, CONFLICT, REJECTED }

    public static ActivityOutcome recorded(JsonObject answer) {
        return new ActivityOutcome(Kind.RECORDED, answer, null);
    }

    /** A requestId already stored with {@code storedFingerprint} and {@code storedAnswer}. */
    public static ActivityOutcome repeatOf(String storedFingerprint, JsonObject storedAnswer, String fingerprint) {
        if (storedFingerprint.equals(fingerprint)) {
            return new ActivityOutcome(Kind.DUPLICATE, storedAnswer, ErrorCode.DUPLICATE_REQUEST.at("requestId",
                    "It was already processed: data holds the original result."));
        }
        return new ActivityOutcome(Kind.CONFLICT, null, ErrorCode.DUPLICATE_REQUEST.at("requestId",
                "It was already used for a different activity (other customer, name, date or attributes)."));
    }

    public static ActivityOutcome rejected(ApiError error) {
        return new ActivityOutcome(Kind.REJECTED, null, error);
    }
}
