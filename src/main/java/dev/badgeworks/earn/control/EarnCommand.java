package dev.badgeworks.earn.control;

import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.platform.Hashes;
import java.time.Instant;

/**
 * One earn as a client asked for it, whether it came as a REST body, a JSON line or a CSV row.
 * {@code eventDate} is null when the client left it out (it then means "now"). {@code expiresOn} is set only by
 * the historical import ({@code /import/customerBadges}), which brings each earn's expiry with it.
 */
public record EarnCommand(String badgeMetaId, String customerId, String requestId, Instant eventDate,
                          OwnerType ownerType, String referenceId, Instant expiresOn, Origin origin) {

    /** The import line a command comes from; not part of what the client asked for (not in the fingerprint). */
    public record Origin(String importId, long line) {
    }

    public EarnCommand(String badgeMetaId, String customerId, String requestId, Instant eventDate,
                       OwnerType ownerType, String referenceId) {
        this(badgeMetaId, customerId, requestId, eventDate, ownerType, referenceId, null, null);
    }

    public EarnCommand(String badgeMetaId, String customerId, String requestId, Instant eventDate,
                       OwnerType ownerType, String referenceId, Instant expiresOn) {
        this(badgeMetaId, customerId, requestId, eventDate, ownerType, referenceId, expiresOn, null);
    }

    public EarnCommand from(String importId, long line) {
        return new EarnCommand(badgeMetaId, customerId, requestId, eventDate, ownerType, referenceId, expiresOn,
                new Origin(importId, line));
    }

    public boolean historical() {
        return expiresOn != null;
    }

    /** What identifies the request's content: a repeat with the same fingerprint is a retry, not a new request. */
    public String fingerprint() {
        String canonical = String.join("\u001f", badgeMetaId, customerId,
                eventDate == null ? "" : Long.toString(eventDate.toEpochMilli()), ownerType.name(), referenceId)
                + (expiresOn == null ? "" : "\u001f" + expiresOn.toEpochMilli());
        return Hashes.sha256Hex(canonical);
    }
}
