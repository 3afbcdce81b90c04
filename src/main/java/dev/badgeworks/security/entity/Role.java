package dev.badgeworks.security.entity;

/** What an API user may administer. Every role calls the badges API of its own org. */
public enum Role {
    /** Runs the platform: creates orgs and manages the users of every org. */
    PLATFORM_OPERATOR,
    /** Manages the users of its own org, and nothing of any other org. */
    ORG_ADMIN,
    /** Calls the badges API of its org; administers nothing. */
    USER
}
