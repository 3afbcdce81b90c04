package dev.badgeworks.events.entity;

import java.util.Optional;

/** What an event tells: its name on the wire is Capillary's ({@code badgeEarned}) and the ones it implies. */
public enum EventType {
    BADGE_EARNED("badgeEarned"),
    BADGE_EARN_REVOKED("badgeEarnRevoked"),
    BADGE_ISSUED("badgeIssued"),
    BADGE_ISSUE_REVOKED("badgeIssueRevoked");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
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
