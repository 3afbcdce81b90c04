package dev.badgeworks.imports.entity;

/** Life of an import: QUEUED → RUNNING → COMPLETED, or FAILED (whole-file problem), or STOPPED on request. */
public enum ImportStatus {
    QUEUED, RUNNING, STOPPING, STOPPED, COMPLETED, FAILED
}
