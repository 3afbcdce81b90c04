package dev.badgeworks.earn.control;

/**
 * Where an earn comes from, which decides the few rules that differ. LIVE and FILE (the nightly import) obey every
 * rule; a MIGRATION ({@code /import/customerBadges}) records an earn that happened elsewhere: it needs no claim,
 * brings its own expiry, is not refused by earn limits — but counts toward them from then on.
 */
public enum EarnMode {
    LIVE, FILE, MIGRATION;

    public boolean needsClaim() {
        return this != MIGRATION;
    }

    public boolean checksLimits() {
        return this != MIGRATION;
    }

    public boolean bringsExpiry() {
        return this == MIGRATION;
    }
}
