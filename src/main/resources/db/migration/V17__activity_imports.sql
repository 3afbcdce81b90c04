-- Issue 29: files of activities go through the same import job as files of earns. kind is what the file holds
-- (EARN or ACTIVITY), decided by the inspection pass, so null until then; every import inspected before this
-- migration was an earn file. rows_recorded counts the activities an activity file recorded (rows_earned stays the
-- earn rows an earn file earned).
ALTER TABLE import_job ADD COLUMN kind VARCHAR(10);
UPDATE import_job SET kind = 'EARN' WHERE content_hash IS NOT NULL;
ALTER TABLE import_job ADD COLUMN rows_recorded BIGINT DEFAULT 0 NOT NULL;
