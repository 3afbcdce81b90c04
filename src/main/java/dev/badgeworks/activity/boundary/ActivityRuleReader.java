package dev.badgeworks.activity.boundary;

import dev.badgeworks.activity.control.ActivityRule;
import dev.badgeworks.activity.control.RuleJson;
import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.control.EarnRuleReader;
import dev.badgeworks.badge.entity.EarnRuleText;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the rules of badge definitions for the badge feature (see {@link EarnRuleReader}). */
@ApplicationScoped
public class ActivityRuleReader implements EarnRuleReader {

    @Override
    public EarnRuleText read(JsonInput rule, String path) {
        // the rule's id is its badge's, given when the stored rule is read for evaluation (RuleBadge)
        ActivityRule read = RuleJson.read(rule, path, "badge");
        return read == null ? null
                : new EarnRuleText(RuleJson.write(read).build().toString(), RuleJson.spelling(read.activity()));
    }
}
