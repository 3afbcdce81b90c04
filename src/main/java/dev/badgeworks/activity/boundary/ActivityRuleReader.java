package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.EarnRuleReader;
import dev.badgeworks.badge.entity.EarnRuleText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** Reads and versions the rules of badge definitions for the badge feature (see {@link EarnRuleReader}). */
@ApplicationScoped
public class ActivityRuleReader implements EarnRuleReader {

    @Override
    public EarnRuleText read(JsonInput rule, String path) {
        // the rule's id is its badge's, given when the stored rule is read for evaluation (RuleBadge)
        ActivityRule read = RuleJson.read(rule, path, "badge");
        RuleJson.Change change = rule.enumValue("change", RuleJson.Change.class, null);
        if (read == null || change == null && rule.has("change")) {
            return null;
        }
        JsonObjectBuilder json = RuleJson.write(read);
        if (change != null) {
            json.add("change", change.name());
        }
        return new EarnRuleText(json.build().toString(), RuleJson.spelling(read.activity()), false);
    }

    @Override
    public EarnRuleText replacing(String stored, EarnRuleText proposed, Instant now) {
        if (proposed == null) {
            return null;
        }
        String replaced = RuleJson.replacing(stored, proposed.json(), now);
        return new EarnRuleText(replaced, proposed.activity(), RuleJson.recomputes(replaced, stored));
    }
}
