package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityAttempt;
import dev.badgeworks.activity.control.ActivityCheck;
import dev.badgeworks.activity.control.ActivityCommand;
import dev.badgeworks.activity.control.ActivityOutcome;
import dev.badgeworks.activity.control.ActivityReader;
import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ApiException;
import dev.badgeworks.api.BulkBody;
import dev.badgeworks.api.Envelope;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.security.boundary.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What customers did, one at a time or up to {@value #MAX_BULK} at once, each idempotent by its requestId as earns
 * are: a repeat is 809 with the first answer, a requestId reused for other content 809 without data.
 */
@ApplicationScoped
@Path("api_gateway/v1/badges/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    public static final int MAX_BULK = 1000;

    /** A bulk item that could not be read: its error, in its place. */
    private record Unread(ApiError error) implements ActivityAttempt {

        @Override
        public ActivityCommand command() {
            return null;
        }
    }

    @Inject
    CurrentCaller caller;

    @Inject
    LiveActivities live;

    /** 200 with what each matching rule's progress became and which earns the activity caused. */
    @POST
    public Envelope<JsonObject> record(String body) {
        JsonInput in = JsonInput.parse(body);
        ActivityCommand command = ActivityReader.read(in, Instant.now());
        in.throwIfInvalid();
        ActivityOutcome outcome = live.record(caller.orgId(), command);
        return switch (outcome.kind()) {
            case RECORDED -> Envelope.of(outcome.answer());
            case DUPLICATE -> throw new ApiException(List.of(outcome.error()), outcome.answer());
            case CONFLICT, REJECTED -> throw new ApiException(outcome.error());
        };
    }

    /**
     * {@code {"activities": [...]}}: 200 with one result per item in order — its status (200, or the error's), its
     * answer and its errors — and the counts. One transaction: an item's refusal does not hold back the others.
     */
    @POST
    @Path("bulk")
    @BulkBody
    public Envelope<ActivityViews.BulkResult> recordBulk(String body) {
        JsonInput in = JsonInput.parse(body);
        JsonArray items = in.array("activities", ErrorCode.FIELD_REQUIRED);
        in.throwIfInvalid();
        if (items.isEmpty()) {
            throw ErrorCode.FIELD_REQUIRED.exception("activities", "Send at least one activity.");
        }
        if (items.size() > MAX_BULK) {
            throw ErrorCode.TOO_MANY_ITEMS.exception("activities",
                    "At most " + MAX_BULK + " activities per request; split the list.");
        }
        Instant now = Instant.now();
        List<ActivityAttempt> attempts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof JsonObject item)) {
                attempts.add(new Unread(ErrorCode.WRONG_TYPE.at("activities[" + i + "]",
                        "Each activity is an object.")));
                continue;
            }
            JsonInput one = JsonInput.of(item);
            ActivityCommand command = ActivityReader.read(one, now);
            attempts.add(command != null ? command : new Unread(one.errors().get(0)));
        }
        List<ActivityOutcome> outcomes = recordAll(attempts);
        List<ActivityViews.BulkItem> results = new ArrayList<>(outcomes.size());
        int recorded = 0;
        int duplicate = 0;
        for (ActivityOutcome o : outcomes) {
            recorded += o.kind() == ActivityOutcome.Kind.RECORDED ? 1 : 0;
            duplicate += o.kind() == ActivityOutcome.Kind.DUPLICATE ? 1 : 0;
            int status = o.error() == null ? 200 : ErrorCode.of(o.error().code()).httpStatus();
            results.add(new ActivityViews.BulkItem(status, o.answer() == null ? JsonValue.NULL : o.answer(),
                    o.error() == null ? List.of() : List.of(o.error())));
        }
        return Envelope.of(new ActivityViews.BulkResult(outcomes.size(), recorded, duplicate,
                outcomes.size() - recorded - duplicate, results));
    }

    private List<ActivityOutcome> recordAll(List<? extends ActivityAttempt> attempts) {
        return live.recordAll(caller.orgId(), attempts);
    }

    static String customerId(String segment) {
        String id = segment == null ? "" : segment.strip();
        if (id.isEmpty()) {
            throw ErrorCode.CUSTOMER_ID_MISSING.exception("customerId");
        }
        if (id.length() > ActivityCheck.MAX_CUSTOMER_ID) {
            throw ErrorCode.TOO_LONG.exception("customerId", "'customerId' may have at most "
                    + ActivityCheck.MAX_CUSTOMER_ID + " characters.");
        }
        return id;
    }
}
