package dev.badgeworks.activity.control;

import static dev.badgeworks.activity.control.ActivityFixture.UTC;
import static dev.badgeworks.activity.control.ActivityFixture.days;
import static dev.badgeworks.activity.control.ActivityFixture.months;
import static dev.badgeworks.activity.control.ActivityFixture.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final ActivityRule MONTHLY = rule(Measure.count(), "5", months(1, UTC), 0, true);
    private static final ActivityRule EVER = rule(Measure.count(), "5", RuleWindow.LIFETIME, 0, false);
    private static final ActivityRule ROLLING_REPEAT = rule(Measure.count(), "5", new RuleWindow.Rolling(30), 0, true);
    private static final ActivityRule ROLLING_ONCE = rule(Measure.count(), "5", new RuleWindow.Rolling(300), 0, false);
    private static final ActivityRule STREAK = rule(Measure.count(), "1", days(1, UTC), 7, false);

    @Test
    void withoutASettingEverythingIsKept() {
        assertEquals(Optional.empty(), Retention.keep(List.of(), 0));
        assertEquals(Optional.empty(), Retention.keep(List.of(MONTHLY), 0));
    }

    @Test
    void aNameNoRuleReadsIsKeptAsLongAsTheSettingSays() {
        assertEquals(Optional.of(Duration.ofDays(90)), Retention.keep(List.of(), 90));
    }

    @Test
    void aRuleNeedingLongerKeepsLonger() {
        assertEquals(Optional.of(Duration.ofDays(90)), Retention.keep(List.of(MONTHLY), 90));
        assertEquals(Optional.of(Duration.ofDays(62)), Retention.keep(List.of(MONTHLY), 10));
        assertEquals(Optional.of(Duration.ofDays(600)), Retention.keep(List.of(MONTHLY, ROLLING_ONCE), 10));
        assertEquals(Optional.of(Duration.ofDays(14)), Retention.keep(List.of(STREAK), 1), "twice the 7-day streak");
    }

    @Test
    void lifetimeAndRepeatingCountedRulesKeepEverything() {
        assertEquals(Optional.empty(), Retention.keep(List.of(MONTHLY, EVER), 90));
        assertEquals(Optional.empty(), Retention.keep(List.of(ROLLING_REPEAT), 90));
    }
}
