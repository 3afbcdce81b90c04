package dev.badgeworks.badge.control;

import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.api.Jsons;
import dev.badgeworks.api.Texts;
import dev.badgeworks.badge.entity.AbsoluteType;
import dev.badgeworks.badge.entity.BadgeDefinition;
import dev.badgeworks.badge.entity.EarnRuleText;
import dev.badgeworks.badge.entity.EarnType;
import dev.badgeworks.badge.entity.ExpiryRule;
import dev.badgeworks.badge.entity.ExpiryType;
import dev.badgeworks.badge.entity.OwnerType;
import dev.badgeworks.badge.entity.RelativeUnit;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of create/update badge into a {@link BadgeDefinition}, collecting every field error.
 * Claims in the body are ignored: they change only through the claim endpoints, and clients that PUT back
 * what they GET must not fail because of them.
 */
public final class BadgeReader {

    public enum ImageTag { UN_EARNED, IN_PROGRESS, EARNED }

    public enum BenefitType { COUPON, LOYALTY_POINTS }

    static final int MAX_JSON = 65_536;

    private BadgeReader() {
    }

    /** The definition of a badge without an activity rule ({@code earnRule} is refused), or null on errors. */
    public static BadgeDefinition read(JsonInput in) {
        return read(in, new EarnRuleReader() {
            @Override
            public EarnRuleText read(JsonInput rule, String path) {
                rule.errors().add(ErrorCode.INVALID_VALUE.at(path, "Activity rules are not read here."));
                return null;
            }

            @Override
            public EarnRuleText replacing(String stored, EarnRuleText proposed, Instant now) {
                return proposed;
            }
        });
    }

    /** The definition, or null when the input has errors (they are in {@code in}); {@code rules} reads earnRule. */
    public static BadgeDefinition read(JsonInput in, EarnRuleReader rules) {
        String name = in.text("name", 255, ErrorCode.FIELD_REQUIRED);
        String description = in.text("description", 2000, null, Texts.Kind.TEXT);
        Instant startOn = in.date("startOn", "startOnISO", ErrorCode.FIELD_REQUIRED);
        Instant expiresOn = in.date("expiresOn", "expiresOnISO", ErrorCode.FIELD_REQUIRED);
        EarnType earnType = in.enumValue("earnType", EarnType.class, ErrorCode.FIELD_REQUIRED);
        // optional: three of Capillary's seven create examples leave it out (see BadgeDefinition for the default)
        Boolean active = in.has("isActive") && !in.has("active") ? in.bool("isActive", null) : in.bool("active", null);
        ExpiryRule earned = expiry(in.object("earnedBadgeExpiry", ErrorCode.FIELD_REQUIRED));
        ExpiryRule issued = null;
        if (earnType == EarnType.ISSUE_EARN) {
            issued = expiry(in.object("issuedBadgeExpiry", ErrorCode.FIELD_REQUIRED));
        }
        Set<OwnerType> owners = owners(in);
        ConstraintReader.Constraints constraints = ConstraintReader.read(in);
        String images = objects(in, "images", BadgeReader::image);
        String benefits = objects(in, "benefits", BadgeReader::benefit);
        String tags = objects(in, "tags", BadgeReader::tag);
        String customFields = customFields(in);
        String badgeGroupId = in.identifier("badgeGroupId", 64, null);
        Integer badgeRank = in.integer("badgeRank", 0, Integer.MAX_VALUE, null);
        Integer till = in.integer("defaultTillId", 0, Integer.MAX_VALUE, null);
        EarnRuleText earnRule = earnRule(in, owners, rules);
        if (!in.valid()) {
            return null;
        }
        return new BadgeDefinition(name, description, startOn, expiresOn, earnType, active, earned, issued, owners,
                constraints.customer(), constraints.badge(), images, benefits, tags, customFields, badgeGroupId, badgeRank,
                till == null ? null : till.longValue(), earnRule);
    }

    /**
     * {@code earnRule}: an activity rule (read by {@code rules}) and {@code triggeredBy}, the owner its earns are
     * made as (one of the badge's owners; like any earn it needs an active claim). Null (or absent) for none.
     */
    private static EarnRuleText earnRule(JsonInput in, Set<OwnerType> owners, EarnRuleReader rules) {
        JsonInput r = in.object("earnRule", null);
        if (r == null) {
            return null;
        }
        EarnRuleText rule = rules.read(r, "earnRule");
        JsonInput trigger = r.object("triggeredBy", ErrorCode.OWNER_TYPE_MISSING);
        OwnerType ownerType = trigger == null ? null
                : trigger.enumValue("ownerType", OwnerType.class, ErrorCode.OWNER_TYPE_MISSING);
        String referenceId = trigger == null ? null
                : trigger.identifier("referenceId", 255, ErrorCode.OWNER_ID_MISSING);
        if (ownerType != null && !owners.isEmpty() && !owners.contains(ownerType)) {
            trigger.fail(ErrorCode.OWNER_TYPE_NOT_ALLOWED, "ownerType",
                    "The rule earns as one of the badge's owners (ownership.restrictedToOwners).");
        }
        if (rule == null || ownerType == null || referenceId == null) {
            return null;
        }
        String json = Jsons.JSON.createObjectBuilder(JsonInput.parseObject(rule.json()))
                .add("triggeredBy", Jsons.JSON.createObjectBuilder().add("ownerType", ownerType.name())
                        .add("referenceId", referenceId)).build().toString();
        return new EarnRuleText(json, rule.activity(), false);
    }

    static ExpiryRule expiry(JsonInput e) {
        if (e == null) {
            return null;
        }
        ExpiryType type = e.enumValue("expiryType", ExpiryType.class, ErrorCode.FIELD_REQUIRED);
        if (type == null) {
            return null;
        }
        switch (type) {
            case NEVER:
                return ExpiryRule.never();
            case RELATIVE: {
                // the JSON spelling is relativeExpirytype; the prose spells relativeExpiryType
                String unitField = e.has("relativeExpirytype") || !e.has("relativeExpiryType")
                        ? "relativeExpirytype" : "relativeExpiryType";
                RelativeUnit unit = e.enumValue(unitField, RelativeUnit.class, ErrorCode.FIELD_REQUIRED);
                Integer value = e.integer("value", 1, 36_500, ErrorCode.FIELD_REQUIRED);
                return unit == null || value == null ? null : ExpiryRule.relative(unit, value);
            }
            default: {
                AbsoluteType absolute = e.has("type") || !Boolean.TRUE.equals(e.bool("expireWithBadgeMeta", null))
                        ? e.enumValue("type", AbsoluteType.class, ErrorCode.FIELD_REQUIRED)
                        : AbsoluteType.WITH_BADGE_META;
                if (absolute == AbsoluteType.FIXED_DATE) {
                    Instant at = e.date("expiresOn", "expiresOnISO", ErrorCode.FIELD_REQUIRED);
                    return at == null ? null : ExpiryRule.fixedDate(at);
                }
                return absolute == null ? null : ExpiryRule.withBadge();
            }
        }
    }

    private static Set<OwnerType> owners(JsonInput in) {
        Set<OwnerType> owners = EnumSet.noneOf(OwnerType.class);
        JsonInput ownership = in.object("ownership", null);
        JsonArray list = ownership == null ? null : ownership.array("restrictedToOwners", null);
        boolean wrongType = (in.has("ownership") && ownership == null)
                || (ownership != null && ownership.has("restrictedToOwners") && list == null);
        if (list == null || list.isEmpty()) {
            if (!wrongType) {
                in.fail(ErrorCode.OWNER_REQUIRED, "ownership.restrictedToOwners", null);
            }
            return owners;
        }
        for (int i = 0; i < list.size(); i++) {
            String field = "ownership.restrictedToOwners[" + i + "]";
            if (list.get(i) instanceof JsonString s) {
                OwnerType owner = in.enumText(field, OwnerType.class, s.getString());
                if (owner != null) {
                    owners.add(owner);
                }
            } else {
                in.fail(ErrorCode.WRONG_TYPE, field, "Owner types are strings.");
            }
        }
        return owners;
    }

    private static String objects(JsonInput in, String field, java.util.function.Function<JsonInput, JsonObject> item) {
        if (!in.has(field)) {
            return null;
        }
        List<JsonObject> items = in.objects(field, null, item);
        var array = Jsons.JSON.createArrayBuilder();
        items.forEach(array::add);
        return bounded(in, field, array.build().toString());
    }

    private static JsonObject image(JsonInput i) {
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        copyText(i, out, "name", 255);
        copyText(i, out, "fileSvcHandle", 2000);
        copyText(i, out, "url", 2000);
        ImageTag tag = i.enumValue("tag", ImageTag.class, null);
        if (tag != null) {
            out.add("tag", tag.name());
        }
        return out.build();
    }

    private static JsonObject benefit(JsonInput b) {
        BenefitType type = b.enumValue("benefitType", BenefitType.class, ErrorCode.FIELD_REQUIRED);
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder(b.raw());
        if (type == BenefitType.COUPON && !b.has("seriesId")) {
            b.fail(ErrorCode.FIELD_REQUIRED, "seriesId", "A COUPON benefit needs seriesId.");
        }
        if (type == BenefitType.LOYALTY_POINTS && !b.has("programId")) {
            b.fail(ErrorCode.FIELD_REQUIRED, "programId", "A LOYALTY_POINTS benefit needs programId.");
        }
        return out.build();
    }

    private static JsonObject tag(JsonInput t) {
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        String name = t.text("name", 255, ErrorCode.FIELD_REQUIRED);
        if (name != null) {
            out.add("name", name);
        }
        String value = t.identifier("value", 2000, null);
        out.add("value", value == null ? JsonValue.NULL : Jsons.JSON.createValue(value));
        return out.build();
    }

    private static void copyText(JsonInput in, JsonObjectBuilder out, String field, int max) {
        String value = in.text(field, max, null);
        if (value != null) {
            out.add(field, value);
        }
    }

    /** Custom field values are strings in every reference example; numbers and booleans are kept as their text. */
    private static String customFields(JsonInput in) {
        JsonInput fields = in.object("customFields", null);
        if (fields == null) {
            return null;
        }
        JsonObjectBuilder out = Jsons.JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : fields.raw().entrySet()) {
            JsonValue v = e.getValue();
            String key = fields.storable(fields.path(e.getKey()), e.getKey(), Texts.Kind.IDENTIFIER);
            if (key == null) {
                continue;
            }
            if (v instanceof JsonString s) {
                String value = fields.storable(fields.path(e.getKey()), s.getString(), Texts.Kind.TEXT);
                out.add(key, value == null ? "" : value);
            } else if (v instanceof JsonNumber || v == JsonValue.TRUE || v == JsonValue.FALSE) {
                out.add(key, v.toString());
            } else if (v != JsonValue.NULL) {
                fields.fail(ErrorCode.WRONG_TYPE, e.getKey(), "Custom field values are strings.");
            }
        }
        return bounded(in, "customFields", out.build().toString());
    }

    private static String bounded(JsonInput in, String field, String json) {
        if (json.length() > MAX_JSON) {
            in.fail(ErrorCode.TOO_LONG, field, "'" + field + "' may hold at most " + MAX_JSON + " characters of JSON.");
            return null;
        }
        return json;
    }
}
