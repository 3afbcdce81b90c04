package dev.badgeworks.activity.control;

import java.math.BigDecimal;

/**
 * Where a customer stands on a rule at one instant: the measure in the current {@code cycle} (null for LIFETIME)
 * and the {@code target} it must reach for the next completion (for a repeating LIFETIME rule the next multiple),
 * the FIXED cycles met in a row so far toward a streak (0 without one, or once the previous cycle was missed), the
 * last activity the rule counted and whether a rule without repeat has completed, so nothing more can be earned.
 */
public record Progress(Cycle cycle, BigDecimal value, BigDecimal target, int streak, Activity lastActivity,
                       boolean finished) {
}
