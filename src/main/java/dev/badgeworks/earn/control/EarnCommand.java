package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.platform.Hashes;
import java.time.Instant;

/**
 * One earn as a client asked for it, whether it came as a REST body, a JSON line, a CSV row or a migrated record.
 * {@code eventDate} is null when the client left it out (it then means "now"). {@code expiresOn} is set only in
 * {@link EarnMode#MIGRATION}, which brings each earn's expiry with it; {@code origin} only in {@link EarnMode#FILE}.
 */
public record EarnCommand(EarnMode mode, String badgeMetaId, String customerId, String requestId, Instant eventDate,
                          OwnerType ownerType, String referenceId, Instant expiresOn, Origin origin)
        implements EarnAttempt {

    /** The import line a command comes from; not part of what the client asked for (not in the fingerprint). */
    public record Origin(String importId, long line) {
    }

    public static EarnCommand live(String badgeMetaId, String customerId, String requestId, Instant eventDate,
                                   OwnerType ownerType, String referenceId) {
        return new EarnCommand(EarnMode.LIVE, badgeMetaId, customerId, requestId, eventDate, ownerType, referenceId,
                null, null);
    }

    public static EarnCommand migration(String badgeMetaId, String customerId, String requestId, Instant eventDate,
                                        OwnerType ownerType, String referenceId, Instant expiresOn) {
        return new EarnCommand(EarnMode.MIGRATION, badgeMetaId, customerId, requestId, eventDate, ownerType,
                referenceId, expiresOn, null);
    }

    /** The same earn read from line {@code line} of an import file. */
    public EarnCommand from(String importId, long line) {
        return new EarnCommand(EarnMode.FILE, badgeMetaId, customerId, requestId, eventDate, ownerType, referenceId,
                expiresOn, new Origin(importId, line));
    }

    @Override
    public EarnCommand command() {
        return this;
    }

    @Override
    public ApiError error() {
        return null;
    }

    /** What identifies the request's content: a repeat with the same fingerprint is a retry, not a new request. */
    public String fingerprint() {
        String canonical = String.join("\u001f", badgeMetaId, customerId,
                eventDate == null ? "" : Long.toString(eventDate.toEpochMilli()), ownerType.name(), referenceId)
                + (expiresOn == null ? "" : "\u001f" + expiresOn.toEpochMilli());
        return Hashes.sha256Hex(canonical);
    }
}
