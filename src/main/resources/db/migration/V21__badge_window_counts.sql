-- Issue 31: a badge-wide window's earns were counted under the badge's lock for every earn (or group of earns), so
-- a day's promotion got slower the more it had been earned that day. They are now kept (badge_window_count) by the
-- earns that check the limit, all of which hold the badge's lock: a fixed window's count per cycle (by event date), a
-- rolling window's as the earns processed since a minute (by processing date; the minute moves on with the window).
-- A kept count is valid while the badge's changes (the sum of its counter stripes' changes, raised in the
-- transaction of every earn, revocation and move of the badge) equal changes_seen: a change made without the lock (a
-- migration, a revocation, an earn decided with a definition read before the limit was set) has it counted again,
-- once. Both instant at any size.
ALTER TABLE badge_counter ADD COLUMN changes BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE badge_window_count (
    badge_id     VARCHAR(24) NOT NULL REFERENCES badge_meta (id),
    basis        VARCHAR(9)  NOT NULL,
    from_ms      BIGINT      NOT NULL,
    to_ms        BIGINT      NOT NULL,
    earns        BIGINT      NOT NULL,
    changes_seen BIGINT      NOT NULL,
    CONSTRAINT pk_badge_window_count PRIMARY KEY (badge_id, basis, from_ms, to_ms)
);
