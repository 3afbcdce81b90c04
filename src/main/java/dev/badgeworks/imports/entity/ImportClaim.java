package dev.badgeworks.imports.entity;

import java.util.EnumSet;
import java.util.Set;

/** Why an instance moves an import to RUNNING, and so from which states it may (see ImportLedger.claim). */
public enum ImportClaim {
    /** A new import, just recorded. */
    START(EnumSet.of(ImportStatus.QUEUED), false),
    /** Someone asked to resume it: stopped, failed, or abandoned by an owner whose lease ran out. */
    RESTART(EnumSet.of(ImportStatus.STOPPED, ImportStatus.FAILED), true),
    /** An instance found it abandoned: its owner's lease ran out while it was running. */
    TAKEOVER(EnumSet.noneOf(ImportStatus.class), true);

    private final Set<ImportStatus> from;
    private final boolean fromExpiredLease;

    ImportClaim(Set<ImportStatus> from, boolean fromExpiredLease) {
        this.from = from;
        this.fromExpiredLease = fromExpiredLease;
    }

    /** The states it may be claimed from regardless of any lease. */
    public Set<ImportStatus> from() {
        return from;
    }

    /** Whether a RUNNING import whose owner's lease has run out may be claimed too. */
    public boolean fromExpiredLease() {
        return fromExpiredLease;
    }
}
