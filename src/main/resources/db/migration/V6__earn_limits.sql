-- Earn limits. A customer's earns of a badge with per-customer limits are serialised by a row lock on their
-- customer_badge row (created by the first such earn), so concurrent earns on any instance count each other.
-- Badge-wide limits lock the badge_meta row instead. The customer id leads the key: the earn service locks and
-- reads set-wise ("customer_id IN (...)"), and H2 uses only an index's leading column for an IN list. No foreign
-- key: H2 would index badge_id for it and then lock through that index, scanning every customer of the badge.
CREATE TABLE customer_badge (
    customer_id VARCHAR(100) NOT NULL,
    badge_id    VARCHAR(24)  NOT NULL,
    PRIMARY KEY (customer_id, badge_id)
);

-- Limits count a customer's earns (customer first, as above), a badge's earns by event date (fixed windows) and
-- by processing date (rolling windows).
DROP INDEX ix_earn_badge_customer;
CREATE INDEX ix_earn_customer_badge ON badge_earn (customer_id, badge_id);
CREATE INDEX ix_earn_badge_event ON badge_earn (badge_id, earn_event_ms);
CREATE INDEX ix_earn_badge_earned_on ON badge_earn (badge_id, earned_on_ms);

-- Whether every active earn of the badge has its customer_badge row: true for a badge created with per-customer
-- limits (every earn of it creates the row), false once such limits were added to a badge that may have earns
-- without one. When true, a customer whose row is created now has no earns to read.
ALTER TABLE badge_meta ADD COLUMN customer_rows_complete BOOLEAN DEFAULT FALSE NOT NULL;
