package dev.badgeworks.activity.boundary;

import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.store.BadgeDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's rule badges an activity may move, read through the badge definitions (current on every instance) and
 * parsed once per badge version.
 */
@ApplicationScoped
public class ActivityRules {

    private static final int CAPACITY = 20_000;

    @Inject
    BadgeDefinitions definitions;

    private final Map<String, RuleBadge> parsed = new ConcurrentHashMap<>();

    /** The active rule badges reading these activity names (null: all of the org's), in badge id order. */
    public List<RuleBadge> reading(long orgId, Collection<String> activities) {
        List<RuleBadge> rules = new ArrayList<>();
        definitions.withRulesFor(orgId, activities).values().forEach(d -> rules.add(parsed(d.badge())));
        rules.sort(Comparator.comparing(RuleBadge::badgeId));
        return rules;
    }

    private RuleBadge parsed(BadgeMeta badge) {
        RuleBadge known = parsed.get(badge.id());
        if (known != null && known.version() == badge.version()) {
            return known;
        }
        if (parsed.size() >= CAPACITY) {
            parsed.clear();
        }
        RuleBadge rule = RuleBadge.of(badge);
        parsed.put(badge.id(), rule);
        return rule;
    }
}
