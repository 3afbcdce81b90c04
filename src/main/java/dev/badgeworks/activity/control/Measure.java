package dev.badgeworks.activity.control;

/**
 * What a rule counts toward its target: matching activities (COUNT), the sum of a NUMBER attribute (SUM; an
 * activity without it adds nothing, a negative amount such as a refund lowers the sum) or the distinct values of an
 * attribute (DISTINCT, compared as text: 7 and "7" are one store, 7 and 7.0 two).
 */
public record Measure(Kind kind, String attribute) {

    public enum Kind {
        COUNT, SUM, DISTINCT
    }

    public static Measure count() {
        return new Measure(Kind.COUNT, null);
    }

    public static Measure sum(String attribute) {
        return new Measure(Kind.SUM, attribute);
    }

    public static Measure distinct(String attribute) {
        return new Measure(Kind.DISTINCT, attribute);
    }
}
