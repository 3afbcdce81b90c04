package dev.badgeworks.imports.entity;

/** What an import execution holding a fencing token finds in the database before it writes. */
public enum Ownership {
    /** Its token is current: go on. */
    OWNED,
    /** Its token is current and someone asked the import to stop. */
    STOP_REQUESTED,
    /** Another claim has taken the import: write nothing more. */
    LOST
}
