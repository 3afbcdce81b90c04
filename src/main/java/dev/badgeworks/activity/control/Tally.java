package dev.badgeworks.activity.control;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/** A {@link Measure}'s running value over the activities added (and, for rolling windows, removed again). */
abstract class Tally {

    static Tally of(Measure measure) {
        return switch (measure.kind()) {
            case COUNT -> new Count();
            case SUM -> new Sum(measure.attribute());
            case DISTINCT -> new Distinct(measure.attribute());
        };
    }

    abstract void add(Activity a);

    abstract void remove(Activity a);

    abstract void clear();

    abstract BigDecimal value();

    private static final class Count extends Tally {
        private long count;

        @Override
        void add(Activity a) {
            count++;
        }

        @Override
        void remove(Activity a) {
            count--;
        }

        @Override
        void clear() {
            count = 0;
        }

        @Override
        BigDecimal value() {
            return BigDecimal.valueOf(count);
        }
    }

    private static final class Sum extends Tally {
        private final String attribute;
        private BigDecimal sum = BigDecimal.ZERO;

        Sum(String attribute) {
            this.attribute = attribute;
        }

        private BigDecimal amount(Activity a) {
            Object raw = a.attributes().get(attribute);
            Object amount = raw == null ? null : AttributeType.NUMBER.read(raw);
            return amount == null ? BigDecimal.ZERO : (BigDecimal) amount;
        }

        @Override
        void add(Activity a) {
            sum = sum.add(amount(a));
        }

        @Override
        void remove(Activity a) {
            sum = sum.subtract(amount(a));
        }

        @Override
        void clear() {
            sum = BigDecimal.ZERO;
        }

        @Override
        BigDecimal value() {
            return sum;
        }
    }

    /** Counts each value's activities, so removing one of two activities with a value keeps the value. */
    private static final class Distinct extends Tally {
        private final String attribute;
        private final Map<String, Integer> activitiesByValue = new HashMap<>();

        Distinct(String attribute) {
            this.attribute = attribute;
        }

        private String key(Activity a) {
            Object raw = a.attributes().get(attribute);
            return raw == null ? null : (String) AttributeType.STRING.read(raw);
        }

        @Override
        void add(Activity a) {
            String key = key(a);
            if (key != null) {
                activitiesByValue.merge(key, 1, Integer::sum);
            }
        }

        @Override
        void remove(Activity a) {
            String key = key(a);
            if (key != null) {
                activitiesByValue.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
            }
        }

        @Override
        void clear() {
            activitiesByValue.clear();
        }

        @Override
        BigDecimal value() {
            return BigDecimal.valueOf(activitiesByValue.size());
        }
    }
}
