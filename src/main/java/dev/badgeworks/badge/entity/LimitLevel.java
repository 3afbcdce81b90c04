package dev.badgeworks.badge.entity;

/** Whom an earn limit counts: one customer's earns of the badge, or all customers' together. */
public enum LimitLevel {
    CUSTOMER("Customer", "customerConstraints"),
    BADGE("Badge", "badgeConstraints");

    private final String label;
    private final String field;

    LimitLevel(String label, String field) {
        this.label = label;
        this.field = field;
    }

    /** The request field the limits of this level are configured in. */
    public String field() {
        return field;
    }

    public String label() {
        return label;
    }

    /** The level a constraintType belongs to, whichever array a client sent it in. */
    public static LimitLevel ofType(String constraintType) {
        return constraintType.startsWith("CUSTOMER_") ? CUSTOMER : BADGE;
    }
}
