package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonbConfiguration;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.entity.RequestLogEntry;
import java.io.StringReader;
import java.util.List;

/**
 * The steps of a request answered once per requestId (enrolments, bulk earns), in one place: a requestId already in
 * the request log is 809, with the original answer in data when it is a retry of the same content, without data when
 * the requestId was used for other content; a new request's answer is logged in its own transaction.
 */
public final class RequestReplay {

    private RequestReplay() {
    }

    /** Throws the repeat's answer when the request log already holds this requestId ({@code known} not null). */
    public static void ifKnown(RequestLogEntry known, String fingerprint) {
        if (known != null) {
            throw of(known, fingerprint);
        }
    }

    /** The log entry of a request answered now: the answer as the client got it, for the repeats. */
    public static RequestLogEntry entry(long orgId, String operation, String requestId, String fingerprint,
                                        Object answer, long nowMs) {
        return new RequestLogEntry(orgId, operation, requestId, fingerprint,
                JsonbConfiguration.jsonb().toJson(answer), nowMs);
    }

    static ApiException of(RequestLogEntry known, String fingerprint) {
        if (known.fingerprint().equals(fingerprint)) {
            return new ApiException(List.of(ErrorCode.DUPLICATE_REQUEST.at("requestId",
                    "It was already processed: data holds the original result.")),
                    Jsons.JSON.createReader(new StringReader(known.response())).readObject());
        }
        return ErrorCode.DUPLICATE_REQUEST.exception("requestId", "It was already used for a different request.");
    }
}
