-- Issue 29: an activity file's chunks store activities and mark their customers as waiting; a settling pass after the
-- file replays each waiting customer's rules once. unsettled_since_ms is the event date of the customer's earliest
-- activity not settled yet (null: nothing waits): completions before it cannot have changed.
ALTER TABLE activity_customer ADD COLUMN unsettled_since_ms BIGINT;
CREATE INDEX ix_activity_customer_unsettled ON activity_customer (org_id, unsettled_since_ms);
