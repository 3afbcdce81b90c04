package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.platform.Hashes;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * One activity as a client sent it, from a REST body, a JSON line or a CSV row. {@code dated} says whether the
 * client gave the event date (else it is the arrival); {@code origin} is set for a line of an import file.
 *
 * @param requestIdAsNumber whether the client sent {@code requestId} as a JSON number (answers echo it so)
 */
public record ActivityCommand(Activity activity, boolean dated, boolean requestIdAsNumber, Origin origin)
        implements ActivityAttempt {

    /** The import line an activity comes from; not part of what the client asked for (not in the fingerprint). */
    public record Origin(String importId, long line) {
    }

    public ActivityCommand from(String importId, long line) {
        return new ActivityCommand(activity, dated, requestIdAsNumber, new Origin(importId, line));
    }

    @Override
    public ActivityCommand command() {
        return this;
    }

    @Override
    public ApiError error() {
        return null;
    }

    public String requestId() {
        return activity.requestId();
    }

    public String customerId() {
        return activity.customerId();
    }

    /**
     * What identifies the request's content: a repeat with the same fingerprint is a retry. Attributes by name, each
     * with its JSON type, so {@code 42.5} and {@code "42.5"} differ (a retry sends the same body) while 42.5 and 42.50
     * do not; an event date left out counts as left out, not as the arrival time.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder();
        canonical.append(activity.customerId()).append('\u001f').append(RuleJson.spelling(activity.activity()))
                .append('\u001f').append(dated ? Long.toString(activity.eventDate().toEpochMilli()) : "");
        for (Map.Entry<String, Object> a : new TreeMap<>(activity.attributes()).entrySet()) {
            Object v = a.getValue();
            String typed = v instanceof BigDecimal n ? "n" + n.stripTrailingZeros().toPlainString()
                    : v instanceof Boolean b ? "b" + b : "s" + v;
            canonical.append('\u001f').append(a.getKey()).append('\u001e').append(typed);
        }
        return Hashes.sha256Hex(canonical.toString());
    }
}
