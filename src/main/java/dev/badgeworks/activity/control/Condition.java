package dev.badgeworks.activity.control;

import java.util.List;
import java.util.Map;

/**
 * A condition on one attribute of an activity: {@code amount GE 50}, {@code storeId IN [S1, S2]}. {@code values}
 * are in the type's form ({@link AttributeType#holds}); one value, or one or more for IN. An activity without the
 * attribute, or with a value that cannot be read as {@code type}, does not meet it, whatever the operator (NE too).
 */
public record Condition(String attribute, Operator operator, AttributeType type, List<Object> values) {

    public enum Operator {
        EQ, NE, LT, LE, GT, GE, IN;

        /** Whether the operator compares by order rather than equality. */
        public boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        boolean holds(int comparison) {
            return switch (this) {
                case EQ, IN -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }
    }

    public Condition {
        values = List.copyOf(values);
    }

    public static Condition of(String attribute, Operator operator, AttributeType type, Object... values) {
        return new Condition(attribute, operator, type, List.of(values));
    }

    public boolean test(Map<String, Object> attributes) {
        Object raw = attributes.get(attribute);
        Object value = raw == null ? null : type.read(raw);
        if (value == null) {
            return false;
        }
        if (operator == Operator.IN) {
            return values.stream().anyMatch(v -> type.compare(value, v) == 0);
        }
        return operator.holds(type.compare(value, values.get(0)));
    }
}
