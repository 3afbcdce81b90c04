package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.earn.entity.RequestLogEntry;
import java.io.StringReader;
import java.util.List;

/**
 * The answer to a request whose requestId is already in the request log (enrolments, bulk earns): 809 with the
 * original answer in data when it is a retry of the same content, 809 without data when the requestId was used for
 * other content.
 */
public final class RequestReplay {

    private RequestReplay() {
    }

    public static ApiException of(RequestLogEntry known, String fingerprint) {
        if (known.fingerprint().equals(fingerprint)) {
            return new ApiException(List.of(ErrorCode.DUPLICATE_REQUEST.at("requestId",
                    "It was already processed: data holds the original result.")),
                    Jsons.JSON.createReader(new StringReader(known.response())).readObject());
        }
        return ErrorCode.DUPLICATE_REQUEST.exception("requestId", "It was already used for a different request.");
    }
}
