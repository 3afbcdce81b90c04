package dev.badgeworks.activity.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule with its versions: what it earns over one customer's activities when it changed over time. Every version
 * is replayed over <em>all</em> the customer's activities, so a change never resets progress.
 * <ul>
 * <li>A FIXED rule that repeats without a streak earns once per cycle: each version earns the cycles that begin in
 * its span (a change applies from a cycle start), and a cycle is earned once whatever version met it.</li>
 * <li>Any other earn is the rule's n-th, counted over all versions: a version's n-th completion is the rule's n-th
 * earn unless earlier versions already made n earns. A completion of a version reached before the version applied
 * (a lowered target the customer had already passed) is earned as of the moment the version applied: the customer
 * loses nothing the new rule grants, and gets nothing twice.</li>
 * <li>Once the rule in force does not repeat, only the first earn of all is made.</li>
 * </ul>
 */
public final class RuleHistory {

    private RuleHistory() {
    }

    /**
     * A completion with the identity it earns as ({@code completion.earnRequestId()}), the date it earns at, and when
     * the version that made it was made (earns made before were an earlier version's and never move for this one).
     */
    public record Versioned(Completion completion, Instant earnDate, Instant versionChangedOn) {
    }

    /** The earns of all versions, in version order (each version's in event order). */
    public static List<Versioned> completions(List<RuleVersion> versions, Collection<Activity> activities,
                                              Instant asOf) {
        return completions(versions, activities, asOf, null);
    }

    /**
     * As {@link #completions(List, Collection, Instant)}, given the current version's evaluation over the same
     * activities and instant when the caller has it (it is not replayed again).
     */
    public static List<Versioned> completions(List<RuleVersion> versions, Collection<Activity> activities,
                                              Instant asOf, RuleEvaluation current) {
        List<Versioned> out = new ArrayList<>();
        Set<String> cycles = new HashSet<>();
        int made = 0;
        for (int i = 0; i < versions.size(); i++) {
            RuleVersion v = versions.get(i);
            RuleEvaluation evaluation = current != null && i == versions.size() - 1 ? current
                    : RuleEvaluation.of(v.rule(), activities, asOf);
            int nth = 0;
            for (Completion c : evaluation.completions()) {
                if (v.until() != null && !c.eventDate().isBefore(v.until())) {
                    break;
                }
                Instant earnDate = v.from() != null && c.eventDate().isBefore(v.from()) ? v.from() : c.eventDate();
                String slot;
                if (perCycle(v.rule())) {
                    slot = c.cycle().key() + ":1";
                    if (v.from() != null && c.cycle().start().isBefore(v.from()) || !cycles.add(slot)) {
                        continue;
                    }
                } else {
                    if (++nth <= made) {
                        continue;
                    }
                    made = nth;
                    slot = "N:" + nth;
                }
                out.add(new Versioned(new Completion(c.activity(), c.cycle(), c.ordinal(), c.value(),
                        RuleEvaluation.earnRequestId(v.rule().id(), slot, c.activity().customerId())), earnDate,
                        v.changedOn()));
            }
        }
        ActivityRule inForce = versions.get(versions.size() - 1).rule();
        return inForce.repeat() || out.size() <= 1 ? out : out.subList(0, 1);
    }

    /**
     * When a change made at {@code now} applies by default: from the start of the next cycle of a FIXED rule (the
     * cycle under way ends as it began), else at once.
     */
    public static Instant nextCycleStart(ActivityRule rule, Instant now) {
        if (rule.window() instanceof RuleWindow.Fixed fixed) {
            return fixed.cycle(fixed.indexOf(now) + 1).start();
        }
        return now;
    }

    static boolean perCycle(ActivityRule rule) {
        return rule.window() instanceof RuleWindow.Fixed && rule.repeat() && rule.streak() == 0;
    }
}
