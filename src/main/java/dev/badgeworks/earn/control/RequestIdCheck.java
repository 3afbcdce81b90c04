package dev.badgeworks.earn.control;

/**
 * How an earn learns that its requestId was used before. LOOK_UP_FIRST reads the org's earns of the list's
 * requestIds before deciding (a list, an import chunk, every retry). CONSTRAINT skips that read and lets the
 * unique key refuse a taken requestId at insert, which then throws {@code RequestIdConflict} for a retry with
 * LOOK_UP_FIRST: one statement less for the common single earn with a new requestId. An earn the rules refuse is
 * looked up anyway, since the answer to a replayed request is its original one.
 */
public enum RequestIdCheck {
    LOOK_UP_FIRST, CONSTRAINT
}
