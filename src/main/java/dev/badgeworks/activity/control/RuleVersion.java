package dev.badgeworks.activity.control;

import java.time.Instant;

/**
 * A rule as it applied over a span of event dates: completions dated in {@code [from, until)} are this version's
 * ({@code from} null: since the first activity; {@code until} null: still in force). {@code changedOn} is when the
 * version was made: earns made before it were made under an earlier version and are never moved for this one.
 */
public record RuleVersion(ActivityRule rule, Instant from, Instant until, Instant changedOn) {

    boolean holds(Instant t) {
        return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
    }
}
