-- The earn service looks rows up set-wise ("request_id IN (...1000 ids...)", "customer_id IN (...)").
-- H2 uses only the leading column of an index for an IN list, so the IN column must lead: with org_id first,
-- each chunk of an import scanned all of the org's earns and imports slowed down as the table grew.
ALTER TABLE badge_earn DROP CONSTRAINT uq_earn_request;
ALTER TABLE badge_earn ADD CONSTRAINT uq_earn_request UNIQUE (request_id, org_id);
DROP INDEX ix_enrolment_badge_customer;
CREATE INDEX ix_enrolment_customer_badge ON badge_enrolment (customer_id, badge_id);
