package dev.badgeworks.badge.boundary;

import dev.badgeworks.api.ApiTime;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.BadgeStatus;
import dev.badgeworks.badge.entity.Claim;
import dev.badgeworks.badge.entity.Cycle;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.LimitLevel;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.store.BadgeCounters;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

/** A badge as the API answers it: legacy numeric dates with their ISO (UTC) companions. */
public record BadgeView(String id, Long badgeNumericId, long orgId, String name, String description,
                        BigDecimal startOn, String startOnISO, BigDecimal expiresOn, String expiresOnISO,
                        BadgeStatus status, EarnType earnType, boolean active, boolean isActive,
                        ExpiryView earnedBadgeExpiry, ExpiryView issuedBadgeExpiry, Ownership ownership,
                        JsonValue customerConstraints, JsonValue badgeConstraints, JsonValue images,
                        JsonValue benefits, JsonValue tags, JsonValue customFields,
                        String badgeGroupId, String badgeGroupName, Integer badgeRank, Long defaultTillId,
                        JsonValue earnRule,
                        BigDecimal createdOn, String createdOnISO, Long createdBy, String createdByName,
                        BigDecimal lastUpdatedOn, String lastUpdatedOnISO, Long lastUpdatedBy,
                        String lastUpdatedByName,
                        long issuedCount, long earnedCount) {

    /** Identity, not the record's deep hash: see {@link dev.badgeworks.api.Envelope#hashCode()}. */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public record ExpiryView(String expiryType, String relativeExpirytype, Integer value, String type,
                             BigDecimal expiresOn, String expiresOnISO, Boolean expireWithBadgeMeta) {

        static ExpiryView of(ExpiryRule rule) {
            if (rule == null) {
                return null;
            }
            return new ExpiryView(rule.expiryType().name(),
                    rule.relativeUnit() == null ? null : rule.relativeUnit().name(), rule.relativeValue(),
                    rule.absoluteType() == null ? null : rule.absoluteType().name(),
                    ApiTime.legacy(rule.fixedExpiresOnMs()), ApiTime.iso(rule.fixedExpiresOnMs()),
                    rule.absoluteType() == null ? null
                            : rule.absoluteType() == dev.badgeworks.badge.entity.AbsoluteType.WITH_BADGE_META);
        }
    }

    public record ClaimView(String ownerType, String referenceId, boolean isActive) {
    }

    public record Ownership(List<OwnerType> restrictedToOwners, List<ClaimView> claims) {
    }

    public static BadgeView of(BadgeMeta b, String groupName, List<Claim> claims, BadgeCounters.Counts counts,
                               long nowMs) {
        List<ClaimView> claimViews = claims.stream()
                .map(c -> new ClaimView(c.ownerType().name(), c.referenceId(), c.active())).toList();
        return new BadgeView(b.id(), b.badgeNumericId(), b.orgId(), b.name(), b.description(),
                ApiTime.legacy(b.startOnMs()), ApiTime.iso(b.startOnMs()),
                ApiTime.legacy(b.expiresOnMs()), ApiTime.iso(b.expiresOnMs()),
                b.statusAt(nowMs), b.earnType(), b.active(), b.active(),
                ExpiryView.of(b.earnedExpiry()), ExpiryView.of(b.issuedExpiry()),
                new Ownership(b.owners().stream().sorted().toList(), claimViews),
                withWindows(b.customerConstraints(), b, LimitLevel.CUSTOMER, nowMs),
                withWindows(b.badgeConstraints(), b, LimitLevel.BADGE, nowMs),
                json(b.images(), true), json(b.benefits(), true), json(b.tags(), true), json(b.customFields(), false),
                b.badgeGroupId(), groupName, b.badgeRank(), b.defaultTillId(),
                earnRule(b.earnRule()),
                ApiTime.legacy(b.createdOnMs()), ApiTime.iso(b.createdOnMs()), b.createdById(), b.createdBy(),
                ApiTime.legacy(b.lastUpdatedOnMs()), ApiTime.iso(b.lastUpdatedOnMs()), b.lastUpdatedById(),
                b.lastUpdatedBy(),
                counts.issued(), counts.earned());
    }

    /**
     * The stored rule as answered: the rule in force, its triggeredBy, appliesFrom and changedOn, and how many
     * earlier versions it keeps (their rules are the activity feature's, not the answer's).
     */
    private static JsonValue earnRule(String stored) {
        if (stored == null) {
            return JsonValue.NULL;
        }
        JsonObject rule = json(stored, false).asJsonObject();
        JsonArray history = rule.getJsonArray("history");
        return Jsons.JSON.createObjectBuilder(rule).remove("history")
                .add("previousVersions", history == null ? 0 : history.size()).build();
    }

    private static JsonValue json(String text, boolean array) {
        if (text == null) {
            return array ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.EMPTY_JSON_OBJECT;
        }
        return Jsons.JSON.createReader(new StringReader(text)).readValue();
    }

    /**
     * Fixed-window configurations are echoed as the reference shows them: each with its {@code cycleStatus}
     * (EXPIRED, ACTIVE or UPCOMING at {@code nowMs}), the span it runs over and, while ACTIVE, its current cycle.
     */
    private static JsonValue withWindows(String constraints, BadgeMeta b, LimitLevel level, long nowMs) {
        JsonArray stored = (JsonArray) json(constraints, true);
        EarnLimit.FixedWindow window = b.limits().all().stream()
                .filter(l -> l.level() == level && l instanceof EarnLimit.FixedWindow)
                .map(l -> (EarnLimit.FixedWindow) l).findFirst().orElse(null);
        JsonArrayBuilder out = Jsons.JSON.createArrayBuilder();
        int config = 0;
        for (JsonValue v : stored) {
            JsonObject c = v.asJsonObject();
            if (window == null || !c.getString("constraintType", "").endsWith("FIXED_WINDOW")) {
                out.add(c);
                continue;
            }
            long start = window.startOf(config, b);
            long end = window.endOf(config, b);
            String status = nowMs < start ? "UPCOMING" : nowMs > end ? "EXPIRED" : "ACTIVE";
            JsonObjectBuilder echo = Jsons.JSON.createObjectBuilder(c).remove("fromMs")
                    .add("cycleStatus", status)
                    .add("startDate", ApiTime.legacy(start)).add("startDateISO", ApiTime.iso(start))
                    .add("endDate", ApiTime.legacy(end)).add("endDateISO", ApiTime.iso(end));
            if (status.equals("ACTIVE")) {
                Cycle cycle = window.cycleAt(nowMs, b);
                echo.add("currentCycle", Jsons.JSON.createObjectBuilder()
                        .add("startDate", ApiTime.legacy(cycle.startMs())).add("startDateISO", ApiTime.iso(cycle.startMs()))
                        .add("endDate", ApiTime.legacy(cycle.endMs())).add("endDateISO", ApiTime.iso(cycle.endMs())));
            }
            out.add(echo);
            config++;
        }
        return out.build();
    }
}
