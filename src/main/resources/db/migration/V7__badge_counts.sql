-- Badge answers carry issuedCount and earnedCount. Counting earns per list request would scan millions of rows,
-- and one counter row per badge would make every earn of a badge wait for the previous one's commit; so each badge
-- has 16 counter rows ("stripes"), each earn or enrolment adds to the stripe of its customer, and a read sums them.
CREATE TABLE badge_counter (
    badge_id VARCHAR(24) NOT NULL REFERENCES badge_meta (id),
    stripe   INTEGER     NOT NULL,
    earned   BIGINT      NOT NULL,
    issued   BIGINT      NOT NULL,
    PRIMARY KEY (badge_id, stripe)
);

INSERT INTO badge_counter (badge_id, stripe, earned, issued)
SELECT b.id, s.n, 0, 0 FROM badge_meta b
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15)) AS s (n);

UPDATE badge_counter SET
    earned = (SELECT COUNT(*) FROM badge_earn e WHERE e.badge_id = badge_counter.badge_id AND e.revoked_on_ms IS NULL),
    issued = (SELECT COUNT(*) FROM badge_enrolment n WHERE n.badge_id = badge_counter.badge_id
              AND n.revoked_on_ms IS NULL)
WHERE stripe = 0;

-- badgeNumericId: a stable number per org, 1, 2, 3 … in creation order, drawn from the org's own counter (the row
-- lock serialises an org's creates; a global sequence would tell one tenant how many badges the others make).
ALTER TABLE org ADD COLUMN badge_numbers BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE badge_meta ADD COLUMN badge_numeric_id BIGINT;
UPDATE badge_meta SET badge_numeric_id = (SELECT COUNT(*) FROM badge_meta o WHERE o.org_id = badge_meta.org_id
    AND (o.created_on_ms < badge_meta.created_on_ms OR (o.created_on_ms = badge_meta.created_on_ms AND o.id <= badge_meta.id)));
UPDATE org SET badge_numbers = (SELECT COUNT(*) FROM badge_meta b WHERE b.org_id = org.id);
ALTER TABLE badge_meta ADD CONSTRAINT uq_badge_meta_org_number UNIQUE (org_id, badge_numeric_id);
