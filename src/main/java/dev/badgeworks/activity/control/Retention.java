package dev.badgeworks.activity.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long the activities of one name are kept, given the rules that read them and the operator's setting
 * ({@code badgeworks.activities.keep.days}; 0 keeps everything). Activities are the rules' memory, so a setting never
 * shortens what a rule needs:
 * <ul>
 * <li>a LIFETIME rule, or a rule whose earns are its n-th completions and that repeats (ROLLING, streaks), keeps its
 * activities for ever: a forgotten activity would make the n-th completion the (n-1)-th and an earn already made
 * would answer for a new one;</li>
 * <li>a FIXED rule that earns once per cycle, or a FIXED or ROLLING rule that does not repeat, needs its window:
 * twice its span is kept, so a late, back-dated activity still finds the cycle it belongs to.</li>
 * </ul>
 */
public final class Retention {

    private Retention() {
    }

    /** How long to keep activities that these rules read; empty: for ever. */
    public static Optional<Duration> keep(List<ActivityRule> rules, int keepDays) {
        if (keepDays <= 0) {
            return Optional.empty();
        }
        Duration keep = Duration.ofDays(keepDays);
        for (ActivityRule rule : rules) {
            Optional<Duration> needed = needed(rule);
            if (needed.isEmpty()) {
                return Optional.empty();
            }
            keep = needed.get().compareTo(keep) > 0 ? needed.get() : keep;
        }
        return Optional.of(keep);
    }

    private static Optional<Duration> needed(ActivityRule rule) {
        if (rule.window() instanceof RuleWindow.Fixed fixed && (RuleHistory.perCycle(rule) || !rule.repeat())) {
            int days = switch (fixed.unit()) {
                case DAYS -> fixed.length();
                case WEEKS -> 7 * fixed.length();
                case MONTHS -> 31 * fixed.length();
            };
            return Optional.of(Duration.ofDays(2L * days * Math.max(1, rule.streak())));
        }
        if (rule.window() instanceof RuleWindow.Rolling rolling && !rule.repeat()) {
            return Optional.of(Duration.ofDays(2L * rolling.days()));
        }
        return Optional.empty();
    }
}
