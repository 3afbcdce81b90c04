-- A customer's standing with a badge, kept in the customer_badge row of the pair: how many active (unrevoked) earns
-- they have, and the latest processing date, event date and expiry among them. Every earn writes its row in its own
-- transaction (a revocation recomputes it), so the customer views read one row per badge instead of aggregating
-- thousands of earns, and every customer with earns has a row: customer_rows_complete is true for every badge.
ALTER TABLE customer_badge ADD COLUMN earned BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE customer_badge ADD COLUMN last_earned_on_ms BIGINT;
ALTER TABLE customer_badge ADD COLUMN last_event_ms BIGINT;
ALTER TABLE customer_badge ADD COLUMN last_expires_on_ms BIGINT;

INSERT INTO customer_badge (customer_id, badge_id)
SELECT DISTINCT e.customer_id, e.badge_id FROM badge_earn e
WHERE e.revoked_on_ms IS NULL
  AND NOT EXISTS (SELECT 1 FROM customer_badge c WHERE c.customer_id = e.customer_id AND c.badge_id = e.badge_id);

UPDATE customer_badge SET
    earned = (SELECT COUNT(*) FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id
              AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL),
    last_earned_on_ms = (SELECT MAX(e.earned_on_ms) FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id
              AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL),
    last_event_ms = (SELECT MAX(e.earn_event_ms) FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id
              AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL),
    last_expires_on_ms = (SELECT MAX(e.expires_on_ms) FROM badge_earn e WHERE e.customer_id = customer_badge.customer_id
              AND e.badge_id = customer_badge.badge_id AND e.revoked_on_ms IS NULL);

ALTER TABLE badge_meta DROP COLUMN customer_rows_complete;


-- A logged answer of a bulk request of 1,000 customers (earnBulk, issueBulk) is some 150-250 KB of JSON.
ALTER TABLE request_log ALTER COLUMN response SET DATA TYPE VARCHAR(1000000);
