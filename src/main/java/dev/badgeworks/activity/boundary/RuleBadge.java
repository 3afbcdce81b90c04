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
 * A badge with an activity rule: its versions (the current one last, its id the badge's), the owner its earns are
 * made as, and the activity name the rule in force reads (spelled as activities are matched).
 */
public record RuleBadge(String badgeId, String badgeName, long version, List<RuleVersion> versions,
                        OwnerType ownerType, String referenceId, String activity) {

    static RuleBadge of(BadgeMeta badge) {
        JsonObject trigger = JsonInput.parseObject(badge.earnRule()).getJsonObject("triggeredBy");
        List<RuleVersion> versions = RuleJson.versions(badge.earnRule(), badge.id());
        return new RuleBadge(badge.id(), badge.name(), badge.version(), versions,
                OwnerType.valueOf(trigger.getString("ownerType")), trigger.getString("referenceId"),
                RuleJson.spelling(versions.get(versions.size() - 1).rule().activity()));
    }

    /** The rule in force: what progress is measured by. */
    public ActivityRule rule() {
        return versions.get(versions.size() - 1).rule();
    }
}
