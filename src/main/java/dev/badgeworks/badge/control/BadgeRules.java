package dev.badgeworks.badge.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.OwnerType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The date and change rules of badge definitions (docs/decisions.md, "Badge dates"). Plain Java. */
public final class BadgeRules {

    /** Clients create badges "starting now"; a start up to this far back is still "now", not a past date. */
    public static final Duration START_GRACE = Duration.ofHours(24);
    public static final int MAX_YEARS_IN_PAST = 100;

    private BadgeRules() {
    }

    /**
     * Create: start before end (720); no start further back than the grace (722) and no end in the past (724),
     * unless the migration header asks for historical badges; never a start more than 100 years back.
     */
    public static List<ApiError> forCreate(BadgeDefinition d, Instant now, boolean migration) {
        List<ApiError> errors = new ArrayList<>();
        window(d, errors);
        if (d.startOn().isBefore(now.atZone(ZoneOffset.UTC).minusYears(MAX_YEARS_IN_PAST).toInstant())) {
            errors.add(ErrorCode.START_IN_PAST.at("startOn", "It may be at most " + MAX_YEARS_IN_PAST + " years back."));
        } else if (!migration && d.startOn().isBefore(now.minus(START_GRACE))) {
            errors.add(ErrorCode.START_IN_PAST.at("startOn",
                    "Send the header X-CAP-BADGES-MIGRATION: migration to create a badge that started in the past."));
        }
        if (!migration && d.expiresOn().isBefore(now)) {
            errors.add(ErrorCode.EXPIRY_IN_PAST.at("expiresOn"));
        }
        return errors;
    }

    /**
     * Update: startOn only while UPCOMING (723); a changed expiresOn not in the past (724); start before end
     * (720); earnType only while UPCOMING; once live no switch between fixed-window and other limits (826);
     * no owner removed while it has an active claim.
     */
    public static List<ApiError> forUpdate(BadgeMeta existing, Set<OwnerType> ownersWithActiveClaims,
                                           BadgeDefinition d, Instant now) {
        List<ApiError> errors = new ArrayList<>();
        BadgeStatus status = existing.statusAt(now.toEpochMilli());
        boolean started = status != BadgeStatus.UPCOMING;
        if (started && d.startOn().toEpochMilli() != existing.startOnMs()) {
            errors.add(ErrorCode.START_FROZEN.at("startOn"));
        }
        window(d, errors);
        if (d.expiresOn().toEpochMilli() != existing.expiresOnMs() && d.expiresOn().isBefore(now)) {
            errors.add(ErrorCode.EXPIRY_IN_PAST.at("expiresOn"));
        }
        if (started && d.earnType() != existing.earnType()) {
            errors.add(ErrorCode.INVALID_VALUE.at("earnType", "earnType cannot change once the badge is live."));
        }
        if (started) {
            kindChange(existing.customerConstraints(), d.customerConstraints(), "customerConstraints", errors);
            kindChange(existing.badgeConstraints(), d.badgeConstraints(), "badgeConstraints", errors);
        }
        Set<OwnerType> removed = EnumSet.noneOf(OwnerType.class);
        removed.addAll(ownersWithActiveClaims);
        removed.removeAll(d.owners());
        if (!removed.isEmpty()) {
            errors.add(ErrorCode.OWNER_HAS_ACTIVE_CLAIM.at("ownership.restrictedToOwners",
                    "Unclaim first: " + removed + "."));
        }
        return errors;
    }

    private static void window(BadgeDefinition d, List<ApiError> errors) {
        if (!d.startOn().isBefore(d.expiresOn())) {
            errors.add(ErrorCode.START_AFTER_END.at("expiresOn"));
        }
    }

    private static void kindChange(String before, String after, String field, List<ApiError> errors) {
        ConstraintReader.Kind was = ConstraintReader.kindOf(before);
        ConstraintReader.Kind now = ConstraintReader.kindOf(after);
        boolean bothLimits = was != ConstraintReader.Kind.NONE && now != ConstraintReader.Kind.NONE;
        if (bothLimits && (was == ConstraintReader.Kind.FIXED_WINDOW) != (now == ConstraintReader.Kind.FIXED_WINDOW)) {
            errors.add(ErrorCode.CONSTRAINT_TYPE_CHANGE.at(field));
        }
    }
}
