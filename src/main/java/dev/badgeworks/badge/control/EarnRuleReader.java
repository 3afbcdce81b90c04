package dev.badgeworks.badge.control;

import dev.badgeworks.api.JsonInput;
import dev.badgeworks.badge.entity.EarnRuleText;
import java.time.Instant;

/**
 * Reads the activity rule of a badge definition ({@code earnRule} without its {@code triggeredBy}). Rules are the
 * activity feature's; the badge feature only stores them, so it asks through this interface, and the activity
 * feature (which uses badges) answers it.
 */
public interface EarnRuleReader {

    /** The rule's canonical JSON and activity name, or null when it has errors (they are in {@code rule}). */
    EarnRuleText read(JsonInput rule, String path);

    /**
     * What to store when a badge whose stored rule is {@code stored} (null: none) is given {@code proposed} (what
     * {@link #read} answered, triggeredBy added; null: no rule) at {@code now}: the rule with its versions.
     */
    EarnRuleText replacing(String stored, EarnRuleText proposed, Instant now);
}
