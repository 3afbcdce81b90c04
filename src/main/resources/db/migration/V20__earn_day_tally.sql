-- Issue 31: the console's earns per day read an org's days that are over from here instead of counting their earns
-- again on every view (a year of a large org is millions of rows). A kept count is valid while counted_generation
-- equals generation: every change to a past day's earns (a back-dated earn, a revocation) raises generation in its
-- own transaction, and a count is stored only for the generation read before counting. A new, empty table: instant
-- at any size. (V19 is LargeTableStorage, a Java migration.)
CREATE TABLE earn_day_tally (
    org_id             BIGINT NOT NULL,
    epoch_day          BIGINT NOT NULL,
    generation         BIGINT NOT NULL,
    counted_generation BIGINT,
    earned             BIGINT,
    revoked            BIGINT,
    CONSTRAINT pk_earn_day_tally PRIMARY KEY (org_id, epoch_day)
);
