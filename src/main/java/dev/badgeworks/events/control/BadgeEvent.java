package dev.badgeworks.events.control;

import dev.badgeworks.api.Jsons;
import dev.badgeworks.events.entity.EventType;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One event as its receivers get it: Capillary's envelope ({@code eventName, eventId, orgId, refId, apiRequestId,
 * createdAt, loyaltyEventId, data}) with epoch-millisecond times, as the reference's §3.21 says. Built when the
 * change is decided, stored with it in the outbox and sent unchanged, so every retry carries the same eventId.
 * The JSON is written when it is first asked for: an import chunk of an org that no endpoint listens to decides a
 * thousand events and stores none of them, and their JSON was a twentieth of its server time.
 */
public final class BadgeEvent {

    private final EventType type;
    private final String eventId;
    private final long orgId;
    private final Supplier<String> render;
    private String payload;

    private BadgeEvent(EventType type, String eventId, long orgId, Supplier<String> render) {
        this.type = type;
        this.eventId = eventId;
        this.orgId = orgId;
        this.render = render;
    }

    public EventType type() {
        return type;
    }

    public String eventId() {
        return eventId;
    }

    public long orgId() {
        return orgId;
    }

    /** The event's JSON, the same text at every call. */
    public String payload() {
        if (payload == null) {
            payload = render.get();
        }
        return payload;
    }

    /** A badge earned, live or from the nightly import ({@code source} LIVE or FILE; never for migrations). */
    public static BadgeEvent earned(long orgId, Earned e, long createdAtMs) {
        return of(EventType.BADGE_EARNED, orgId, e.earnId(), e.requestId(), createdAtMs, () -> {
            JsonObjectBuilder data = Jsons.JSON.createObjectBuilder()
                    .add("customerIdentifiers", customer(e.customerId()))
                    .add("badgeId", e.badgeId());
            nullable(data, "issualId", e.enrolmentId());
            data.add("earnId", e.earnId())
                    .add("earnedOn", e.earnedOnMs())
                    .add("earnEventDate", e.eventMs())
                    .add("expiresOn", e.expiresOnMs())
                    .add("earnConstraints", Jsons.JSON.createArrayBuilder())
                    .add("ownerType", e.ownerType())
                    .add("referenceId", e.referenceId())
                    .add("source", e.source());
            nullable(data, "importId", e.importId());
            if (e.importLine() != null) {
                data.add("importLine", e.importLine());
            }
            return data;
        });
    }

    /** The facts of one earn an event reports. */
    public record Earned(String earnId, String badgeId, String customerId, String enrolmentId, String requestId,
                         long earnedOnMs, long eventMs, long expiresOnMs, String ownerType, String referenceId,
                         String source, String importId, Long importLine) {
    }

    public static BadgeEvent earnRevoked(long orgId, String earnId, String badgeId, String customerId,
                                         long revokedOnMs) {
        return of(EventType.BADGE_EARN_REVOKED, orgId, earnId, null, revokedOnMs,
                () -> Jsons.JSON.createObjectBuilder()
                        .add("customerIdentifiers", customer(customerId))
                        .add("badgeId", badgeId)
                        .add("earnId", earnId)
                        .add("revokedOn", revokedOnMs));
    }

    /**
     * Where a customer stands on a rule badge after activities moved it ({@code progress}: the progress answer's
     * fields), and how many times its target was reached; {@code requestId} names the last activity that moved it.
     */
    public static BadgeEvent progressed(long orgId, String badgeId, String customerId, String requestId,
                                        jakarta.json.JsonObject progress, int completions, long createdAtMs) {
        return of(EventType.BADGE_PROGRESSED, orgId, badgeId + "_" + customerId, requestId, createdAtMs,
                () -> Jsons.JSON.createObjectBuilder()
                        .add("customerIdentifiers", customer(customerId))
                        .add("badgeId", badgeId)
                        .add("progress", progress)
                        .add("completions", completions));
    }

    public static BadgeEvent issued(long orgId, String issualId, String badgeId, String customerId, String requestId,
                                    long issuedOnMs, long issueEventMs, long expiresOnMs) {
        return of(EventType.BADGE_ISSUED, orgId, issualId, requestId, issuedOnMs,
                () -> Jsons.JSON.createObjectBuilder()
                        .add("customerIdentifiers", customer(customerId))
                        .add("badgeId", badgeId)
                        .add("issualId", issualId)
                        .add("issuedOn", issuedOnMs)
                        .add("issueEventDate", issueEventMs)
                        .add("expiresOn", expiresOnMs));
    }

    public static BadgeEvent issueRevoked(long orgId, String issualId, String badgeId, String customerId,
                                          long revokedOnMs) {
        return of(EventType.BADGE_ISSUE_REVOKED, orgId, issualId, null, revokedOnMs,
                () -> Jsons.JSON.createObjectBuilder()
                        .add("customerIdentifiers", customer(customerId))
                        .add("badgeId", badgeId)
                        .add("issualId", issualId)
                        .add("revokedOn", revokedOnMs));
    }

    private static BadgeEvent of(EventType type, long orgId, String subjectId, String requestId, long createdAtMs,
                                 Supplier<JsonObjectBuilder> data) {
        String eventId = timeOrderedUuid(createdAtMs).toString();
        return new BadgeEvent(type, eventId, orgId, () -> {
            JsonObjectBuilder event = Jsons.JSON.createObjectBuilder()
                    .add("eventName", type.wireName())
                    .add("eventId", eventId)
                    .add("orgId", orgId)
                    .add("refId", orgId + "_" + subjectId);
            nullable(event, "apiRequestId", requestId);
            event.add("createdAt", createdAtMs)
                    .addNull("loyaltyEventId")
                    .add("data", data.get());
            return event.build().toString();
        });
    }

    /**
     * A version 7 UUID (RFC 9562): 48 bits of epoch milliseconds, then random bits. Unique like any UUID, and
     * ordered by time, so the outbox's keys are appended rather than scattered over its index.
     */
    static UUID timeOrderedUuid(long epochMs) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (epochMs << 16) | 0x7000L | (random.nextLong() & 0x0fffL);
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static jakarta.json.JsonObject customer(String customerId) {
        return Jsons.JSON.createObjectBuilder().add("customerId", Jsons.customerId(customerId)).build();
    }

    private static void nullable(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
