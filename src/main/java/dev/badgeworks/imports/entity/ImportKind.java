package dev.badgeworks.imports.entity;

/**
 * What a file's rows are: earns (each row names a badge) or activities (what customers did, which badges' rules
 * turn into earns). Decided by the inspection pass from the file itself, so an upload and an inbox file of the same
 * content import alike (see FileInspector).
 */
public enum ImportKind {
    EARN, ACTIVITY
}
