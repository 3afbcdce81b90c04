package dev.badgeworks.events.entity;

import java.util.Optional;

/** What an event tells: its name on the wire is Capillary's ({@code badgeEarned}) and the ones it implies. */
public enum EventType {
    BADGE_EARNED("badgeEarned"),
    BADGE_EARN_REVOKED("badgeEarnRevoked"),
    BADGE_ISSUED("badgeIssued"),
    BADGE_ISSUE_REVOKED("badgeIssueRevoked"),
    /** Progress toward an activity rule badge changed: many per customer, so only endpoints that ask get it. */
    BADGE_PROGRESSED("badgeProgressed", true);

    private final String wireName;
    private final boolean optIn;

    EventType(String wireName) {
        this(wireName, false);
    }

    EventType(String wireName, boolean optIn) {
        this.wireName = wireName;
        this.optIn = optIn;
    }

    /** Whether an endpoint gets it only when its eventTypes name it (not by default). */
    public boolean optIn() {
        return optIn;
    }

    public String wireName() {
        return wireName;
    }

    /** Accepts the wire name or the constant's name, in any case. */
    public static Optional<EventType> of(String text) {
        for (EventType t : values()) {
            if (t.wireName.equalsIgnoreCase(text) || t.name().equalsIgnoreCase(text)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
