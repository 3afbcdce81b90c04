package dev.badgeworks.activity.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.api.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a rule definition can be evaluated, each error naming its field under the given path (e.g.
 * {@code earnRule.conditions[0].values[1]}). The bounds keep a rule's work and its earn requestIds small: a
 * window is at most about a year, so is a streak.
 */
public final class ActivityRuleCheck {

    /** Badge ids are 24 characters; the earn requestId a rule derives must fit the earn's limit. */
    public static final int MAX_RULE_ID = 40;
    public static final int MAX_CONDITIONS = 20;
    public static final int MAX_IN_VALUES = 100;
    public static final int MAX_DAYS = 366;
    public static final int MAX_WEEKS = 53;
    public static final int MAX_MONTHS = 12;
    public static final int MAX_STREAK = 366;

    private ActivityRuleCheck() {
    }

    public static List<ApiError> errors(ActivityRule rule, String path) {
        List<ApiError> errors = new ArrayList<>();
        String prefix = path == null || path.isEmpty() ? "" : path + ".";
        if (rule.id() == null || rule.id().isBlank()) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(prefix + "id"));
        } else if (rule.id().length() > MAX_RULE_ID || rule.id().indexOf(':') >= 0) {
            errors.add(ErrorCode.INVALID_VALUE.at(prefix + "id", "At most " + MAX_RULE_ID
                    + " characters, no colon."));
        }
        if (rule.activity() == null || rule.activity().isBlank()) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(prefix + "activity"));
        } else if (rule.activity().length() > ActivityCheck.MAX_ACTIVITY_NAME) {
            errors.add(ErrorCode.TOO_LONG.at(prefix + "activity", "At most " + ActivityCheck.MAX_ACTIVITY_NAME
                    + " characters."));
        }
        conditions(rule.conditions(), prefix + "conditions", errors);
        measure(rule.measure(), prefix + "measure", errors);
        target(rule, prefix + "target", errors);
        window(rule.window(), prefix + "window", errors);
        if (rule.streak() != 0) {
            if (!(rule.window() instanceof RuleWindow.Fixed)) {
                errors.add(ErrorCode.INVALID_VALUE.at(prefix + "streak", "A streak needs a FIXED window."));
            } else if (rule.streak() < 2 || rule.streak() > MAX_STREAK) {
                errors.add(ErrorCode.INVALID_VALUE.at(prefix + "streak", "From 2 to " + MAX_STREAK
                        + " cycles, or none."));
            }
        }
        return errors;
    }

    private static void conditions(List<Condition> conditions, String path, List<ApiError> errors) {
        if (conditions.size() > MAX_CONDITIONS) {
            errors.add(ErrorCode.TOO_MANY_ITEMS.at(path, "At most " + MAX_CONDITIONS + " conditions."));
            return;
        }
        for (int i = 0; i < conditions.size(); i++) {
            condition(conditions.get(i), path + "[" + i + "]", errors);
        }
    }

    private static void condition(Condition c, String path, List<ApiError> errors) {
        attribute(c.attribute(), path + ".attribute", errors);
        if (c.operator() == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path + ".operator"));
        }
        if (c.type() == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path + ".type"));
        }
        if (c.operator() == null || c.type() == null) {
            return;
        }
        if (c.operator().ordering() && !c.type().ordered()) {
            errors.add(ErrorCode.INVALID_VALUE.at(path + ".operator", c.type() + " takes EQ, NE or IN."));
        }
        if (c.values().isEmpty()) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path + ".values"));
        } else if (c.operator() != Condition.Operator.IN && c.values().size() > 1) {
            errors.add(ErrorCode.INVALID_VALUE.at(path + ".values", "Only IN takes more than one value."));
        } else if (c.values().size() > MAX_IN_VALUES) {
            errors.add(ErrorCode.TOO_MANY_ITEMS.at(path + ".values", "At most " + MAX_IN_VALUES + " values."));
        }
        for (int i = 0; i < Math.min(c.values().size(), MAX_IN_VALUES); i++) {
            Object v = c.values().get(i);
            String at = path + ".values[" + i + "]";
            if (!c.type().holds(v)) {
                errors.add(ErrorCode.WRONG_TYPE.at(at, "The condition's type is " + c.type() + "."));
            } else if (v instanceof String text && text.length() > ActivityCheck.MAX_TEXT) {
                errors.add(ErrorCode.TOO_LONG.at(at, "At most " + ActivityCheck.MAX_TEXT + " characters."));
            } else if (v instanceof BigDecimal n && !Numbers.reasonable(n)) {
                errors.add(ErrorCode.INVALID_VALUE.at(at, "At most 40 digits before and after the point."));
            }
        }
    }

    private static void attribute(String attribute, String path, List<ApiError> errors) {
        if (attribute == null || attribute.isBlank()) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path));
        } else if (attribute.length() > ActivityCheck.MAX_ATTRIBUTE_NAME) {
            errors.add(ErrorCode.TOO_LONG.at(path, "At most " + ActivityCheck.MAX_ATTRIBUTE_NAME + " characters."));
        }
    }

    private static void measure(Measure m, String path, List<ApiError> errors) {
        if (m == null || m.kind() == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(m == null ? path : path + ".kind"));
        } else if (m.kind() == Measure.Kind.COUNT) {
            if (m.attribute() != null) {
                errors.add(ErrorCode.INVALID_VALUE.at(path + ".attribute",
                        "COUNT counts activities, not an attribute."));
            }
        } else {
            attribute(m.attribute(), path + ".attribute", errors);
        }
    }

    private static void target(ActivityRule rule, String path, List<ApiError> errors) {
        BigDecimal target = rule.target();
        if (target == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path));
        } else if (target.signum() <= 0 || !Numbers.reasonable(target)) {
            errors.add(ErrorCode.INVALID_VALUE.at(path,
                    "A number above 0 of at most 40 digits either side of the point."));
        } else if (rule.measure() != null && rule.measure().kind() != Measure.Kind.SUM
                && target.stripTrailingZeros().scale() > 0) {
            errors.add(ErrorCode.INVALID_VALUE.at(path, "COUNT and DISTINCT reach whole numbers only."));
        }
    }

    private static void window(RuleWindow window, String path, List<ApiError> errors) {
        if (window == null) {
            errors.add(ErrorCode.FIELD_REQUIRED.at(path));
        } else if (window instanceof RuleWindow.Fixed fixed) {
            if (fixed.unit() == null) {
                errors.add(ErrorCode.FIELD_REQUIRED.at(path + ".unit"));
            } else {
                int max = switch (fixed.unit()) {
                    case DAYS -> MAX_DAYS;
                    case WEEKS -> MAX_WEEKS;
                    case MONTHS -> MAX_MONTHS;
                };
                if (fixed.length() < 1 || fixed.length() > max) {
                    errors.add(ErrorCode.INVALID_VALUE.at(path + ".length", "From 1 to " + max + " "
                            + fixed.unit() + "."));
                }
            }
            if (fixed.zone() == null) {
                errors.add(ErrorCode.FIELD_REQUIRED.at(path + ".zone"));
            }
        } else if (window instanceof RuleWindow.Rolling rolling && (rolling.days() < 1 || rolling.days() > MAX_DAYS)) {
            errors.add(ErrorCode.INVALID_VALUE.at(path + ".days", "From 1 to " + MAX_DAYS + " days."));
        }
    }
}
