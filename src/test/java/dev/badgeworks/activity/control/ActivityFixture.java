package dev.badgeworks.activity.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Activities and rules for the tests, written short. */
final class ActivityFixture {

    static final String CUSTOMER = "c1";
    static final String PURCHASE = "TransactionAdd";
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private ActivityFixture() {
    }

    /** An activity: attributes as name, value pairs; a Java number becomes a BigDecimal. */
    static Activity activity(String requestId, String isoInstant, Object... attributes) {
        return named(PURCHASE, requestId, isoInstant, attributes);
    }

    static Activity named(String name, String requestId, String isoInstant, Object... attributes) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            Object v = attributes[i + 1];
            map.put((String) attributes[i], v instanceof Number n && !(v instanceof BigDecimal)
                    ? new BigDecimal(n.toString()) : v);
        }
        return new Activity(requestId, CUSTOMER, name, Instant.parse(isoInstant), map);
    }

    static ActivityRule rule(Measure measure, String target, RuleWindow window, int streak, boolean repeat,
                             Condition... conditions) {
        return new ActivityRule("b1", PURCHASE, List.of(conditions), measure, new BigDecimal(target), window, streak,
                repeat);
    }

    static RuleWindow.Fixed days(int n, ZoneId zone) {
        return new RuleWindow.Fixed(n, RuleWindow.Fixed.Unit.DAYS, zone);
    }

    static RuleWindow.Fixed weeks(int n, ZoneId zone) {
        return new RuleWindow.Fixed(n, RuleWindow.Fixed.Unit.WEEKS, zone);
    }

    static RuleWindow.Fixed months(int n, ZoneId zone) {
        return new RuleWindow.Fixed(n, RuleWindow.Fixed.Unit.MONTHS, zone);
    }

    static RuleEvaluation evaluate(ActivityRule rule, Collection<Activity> activities) {
        return RuleEvaluation.of(rule, activities, Instant.parse("2100-01-01T00:00:00Z"));
    }

    /** Each completion as "requestId of the completing activity → earn requestId". */
    static List<String> completions(ActivityRule rule, Collection<Activity> activities) {
        List<String> out = new ArrayList<>();
        for (Completion c : evaluate(rule, activities).completions()) {
            out.add(c.activity().requestId() + " -> " + c.earnRequestId());
        }
        return out;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
