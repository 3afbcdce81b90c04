package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.activity.control.RuleVersion;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.OwnerType;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * A badge with an activity rule: its versions (the current one last, its id the badge's) and the owner its earns
 * are made as.
 */
public record RuleBadge(String badgeId, String badgeName, long version, List<RuleVersion> versions,
                        OwnerType ownerType, String referenceId) {

    static RuleBadge of(BadgeMeta badge) {
        JsonObject trigger = JsonInput.parseObject(badge.earnRule()).getJsonObject("triggeredBy");
        return new RuleBadge(badge.id(), badge.name(), badge.version(), RuleJson.versions(badge.earnRule(), badge.id()),
                OwnerType.valueOf(trigger.getString("ownerType")), trigger.getString("referenceId"));
    }

    /** The rule in force: what progress is measured by. */
    public ActivityRule rule() {
        return versions.get(versions.size() - 1).rule();
    }
}
