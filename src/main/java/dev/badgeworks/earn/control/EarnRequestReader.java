package dev.badgeworks.earn.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Instant;

/**
 * Reads an earn body ({@code {badgeMetaId, customerId, requestId, earnEventDate|earnEventDateISO,
 * triggeredBy {ownerType, referenceId}}}) into an {@link EarnCommand}. The REST endpoint, JSON-lines imports and
 * CSV imports (each row as the same JSON object) all go through here, so a bad field gets the same code anywhere.
 */
public final class EarnRequestReader {

    public static final int MAX_REQUEST_ID = 200;
    public static final int MAX_CUSTOMER_ID = 100;

    private EarnRequestReader() {
    }

    /** The command, or null when the input has errors (they are in {@code in}). */
    public static EarnCommand read(JsonInput in) {
        String badgeMetaId = in.identifier("badgeMetaId", 64, ErrorCode.FIELD_REQUIRED);
        String customerId = in.identifier("customerId", MAX_CUSTOMER_ID, ErrorCode.CUSTOMER_ID_MISSING);
        String requestId = in.identifier("requestId", MAX_REQUEST_ID, ErrorCode.REQUEST_ID_MISSING);
        Instant event = in.date("earnEventDate", "earnEventDateISO", null);
        Trigger trigger = trigger(in, true);
        if (!in.valid()) {
            return null;
        }
        return EarnCommand.live(badgeMetaId, customerId, requestId, event, trigger.ownerType(), trigger.referenceId());
    }

    /**
     * {@code triggeredBy {ownerType (716), referenceId (717)}}. Every reference example nests them; its tables list
     * them top-level, which {@code topLevelToo} accepts when there is no triggeredBy.
     */
    public static Trigger trigger(JsonInput in, boolean topLevelToo) {
        JsonInput trigger = in.has("triggeredBy") || !topLevelToo || !in.has("ownerType")
                ? in.object("triggeredBy", null) : in;
        if (trigger == null) {
            if (!in.has("triggeredBy")) {
                in.fail(ErrorCode.OWNER_TYPE_MISSING, "triggeredBy.ownerType", null);
            }
            return new Trigger(null, null);
        }
        return new Trigger(trigger.enumValue("ownerType", OwnerType.class, ErrorCode.OWNER_TYPE_MISSING),
                trigger.identifier("referenceId", 255, ErrorCode.OWNER_ID_MISSING));
    }
}
