package dev.badgeworks.earn.control;

import dev.badgeworks.api.ApiError;
import dev.badgeworks.api.ErrorCode;
import dev.badgeworks.badge.entity.BadgeMeta;
import dev.badgeworks.badge.entity.CountWindow;
import dev.badgeworks.badge.entity.EarnLimit;
import dev.badgeworks.badge.entity.LimitLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The earn limits of one list of earns (a REST earn, an import chunk). Each window's count is read once from the
 * stored earns — under the locks that keep concurrent earns out of it — when an earn is checked against it, and the
 * earns accepted earlier in the same list are added, so a chunk that meets a limit halfway refuses exactly the earns
 * past it. Earns that are not checked (a migration's) read no count: a badge-wide window's was a count of all its
 * earns for every migrated list.
 * Every limit of the badge must hold; revoked earns are not counted, expired ones are (docs/decisions.md).
 */
public final class LimitTally {

    /** Active earns already stored, counted per window. */
    public interface StoredCounts {

        /** Of all customers of the badge. */
        long ofBadge(String badgeId, CountWindow window);

        /** Of one customer of the badge. */
        long ofCustomer(String badgeId, String customerId, CountWindow window);
    }

    private record Key(String badgeId, String customerId, int limit, CountWindow window) {
    }

    private final StoredCounts stored;
    private final long nowMs;
    private final Map<Key, Long> storedCounts = new HashMap<>();
    private final Map<Key, Long> accepted = new HashMap<>();

    public LimitTally(StoredCounts stored, long nowMs) {
        this.stored = stored;
        this.nowMs = nowMs;
    }

    /**
     * Null when every limit of the badge lets the earn in, which then counts toward them; else the error of the first
     * limit reached, and nothing is counted. A migration is not checked, only counted.
     *
     * @param earnedOnMs the time the earn counts as processed in rolling windows
     */
    public ApiError admit(BadgeMeta badge, String customerId, EarnMode mode, long eventMs, long earnedOnMs) {
        List<EarnLimit> limits = badge.limits().all();
        if (limits.isEmpty()) {
            return null;
        }
        Key[] keys = new Key[limits.size()];
        for (int i = 0; i < keys.length; i++) {
            EarnLimit limit = limits.get(i);
            keys[i] = new Key(badge.id(), limit.level() == LimitLevel.CUSTOMER ? customerId : null, i,
                    limit.window(eventMs, nowMs, badge));
            if (mode.checksLimits() && count(keys[i]) >= limit.max(eventMs, badge)) {
                return reached(limit, badge, eventMs);
            }
        }
        for (Key key : keys) {
            if (key.window().contains(eventMs, earnedOnMs)) {
                accepted.merge(key, 1L, Long::sum);
            }
        }
        return null;
    }

    private long count(Key key) {
        return storedCounts.computeIfAbsent(key, k -> k.customerId() == null ? stored.ofBadge(k.badgeId(), k.window())
                : stored.ofCustomer(k.badgeId(), k.customerId(), k.window())) + accepted.getOrDefault(key, 0L);
    }

    private ApiError reached(EarnLimit limit, BadgeMeta badge, long eventMs) {
        LimitLevel level = limit.level();
        ErrorCode code = level == LimitLevel.CUSTOMER ? ErrorCode.CUSTOMER_LIMIT_REACHED : ErrorCode.BADGE_LIMIT_REACHED;
        return code.at(level.field(), limit.constraintType() + ": " + level.label().toLowerCase(java.util.Locale.ROOT)
                + " limit " + limit.describe(eventMs, nowMs, badge) + " reached.");
    }
}
