package dev.badgeworks.activity.control;

import dev.badgeworks.api.EnumSpellings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One rule over all of one customer's activities: the progress at an instant and every completion. A pure
 * function of the <em>set</em> of activities: duplicates of a requestId count once, and activities are replayed in
 * event order with the requestId breaking ties, so arrival order cannot change the answer.
 * <p>
 * What earns again ({@code repeat}): LIFETIME, each further multiple of the target (an activity that passes several
 * at once completes once); FIXED, at most once per cycle, in every cycle the target is met (with a streak, every
 * further run of that many cycles: a completion consumes the run); ROLLING, a completion consumes the activities
 * in its window, so the next counts only activities after it. Without repeat, only the first completion.
 */
public record RuleEvaluation(Progress progress, List<Completion> completions) {

    /** An earn's requestId length limit (EarnRequestReader.MAX_REQUEST_ID): a derived requestId stays within it. */
    public static final int MAX_EARN_REQUEST_ID = 200;
    private static final String EARN_PREFIX = "activity:";

    private static final Comparator<Activity> EVENT_ORDER =
            Comparator.comparing(Activity::eventDate).thenComparing(Activity::requestId);
    /** Which of two activities with one requestId counts: a store keeps one per requestId, this makes it certain. */
    private static final Comparator<Activity> FIRST_OF_DUPLICATES = EVENT_ORDER
            .thenComparing(Activity::activity)
            .thenComparing(a -> new TreeMap<>(a.attributes()).toString());

    public RuleEvaluation {
        completions = List.copyOf(completions);
    }

    /**
     * Evaluates {@code rule}, which {@link ActivityRuleCheck} accepted, over {@code activities}, all of one customer,
     * in any order. Progress counts activities up to {@code asOf}; completions come from all of them, in event order.
     */
    public static RuleEvaluation of(ActivityRule rule, Collection<Activity> activities, Instant asOf) {
        String name = EnumSpellings.spelling(rule.activity());
        Replay replay = Replay.of(rule);
        Progress progress = null;
        for (Activity a : inEventOrder(activities)) {
            // stored activities carry their name spelled already: the common case needs no new string
            if (!name.equals(a.activity()) && !EnumSpellings.spelling(a.activity()).equals(name)
                    || !rule.conditions().stream().allMatch(c -> c.test(a.attributes()))) {
                continue;
            }
            if (progress == null && a.eventDate().isAfter(asOf)) {
                progress = replay.progressAt(asOf);
            }
            replay.accept(a);
        }
        return new RuleEvaluation(progress == null ? replay.progressAt(asOf) : progress, replay.completions());
    }

    /**
     * {@code activity:<rule id>:<slot>:<customer id>}: the same completion always asks for the same earn, so a
     * replay, a re-imported file or a recompute never earns twice. The slot is {@code <cycle key>:1} for a FIXED rule
     * that repeats without a streak (one earn per cycle), else {@code N:<n>}, the rule's n-th completion for the
     * customer: back-dated activities can change <em>when</em> the n-th completion happened, never that it did, so the
     * earn keeps its identity and only its date moves. The customer comes last and is the only part that may hold a
     * colon, so no two completions share an id. At most 9 + 40 + 1 + 21 + 2 + 1 + 100 = 174 characters with the
     * bounds of {@link ActivityRuleCheck} and {@link ActivityCheck}.
     */
    public static String earnRequestId(String ruleId, String slot, String customerId) {
        return EARN_PREFIX + ruleId + ':' + slot + ':' + customerId;
    }

    private static List<Activity> inEventOrder(Collection<Activity> activities) {
        Map<String, Activity> byRequestId = new HashMap<>();
        String customerId = null;
        for (Activity a : activities) {
            if (customerId == null) {
                customerId = a.customerId();
            } else if (!customerId.equals(a.customerId())) {
                throw new IllegalArgumentException("activities of two customers: " + customerId + ", "
                        + a.customerId());
            }
            byRequestId.merge(a.requestId(), a, (x, y) -> FIRST_OF_DUPLICATES.compare(x, y) <= 0 ? x : y);
        }
        List<Activity> ordered = new ArrayList<>(byRequestId.values());
        ordered.sort(EVENT_ORDER);
        return ordered;
    }
}
