package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.OwnerType;
import jakarta.json.JsonObject;

/** A badge with an activity rule: the rule (its id the badge's) and the owner its earns are made as. */
public record RuleBadge(String badgeId, String badgeName, long version, ActivityRule rule, OwnerType ownerType,
                        String referenceId) {

    static RuleBadge of(BadgeMeta badge) {
        JsonObject trigger = JsonInput.parseObject(badge.earnRule()).getJsonObject("triggeredBy");
        return new RuleBadge(badge.id(), badge.name(), badge.version(), RuleJson.parse(badge.earnRule(), badge.id()),
                OwnerType.valueOf(trigger.getString("ownerType")), trigger.getString("referenceId"));
    }
}
