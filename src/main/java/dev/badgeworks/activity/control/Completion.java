package dev.badgeworks.activity.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The measure reaching the target: {@code activity} is the one whose arrival (in event order) made it, {@code cycle}
 * the cycle it completed, {@code ordinal} its number among the completions of that cycle (always 1 for FIXED
 * cycles), {@code value} the measure then. The earn it asks for has {@code earnRequestId} and the activity's event
 * date.
 */
public record Completion(Activity activity, Cycle cycle, int ordinal, BigDecimal value, String earnRequestId) {

    public Instant eventDate() {
        return activity.eventDate();
    }
}
