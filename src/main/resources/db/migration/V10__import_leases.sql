-- Imports owned through the database (issue 10). An import is RUNNING for one instance at a time: the one that
-- moved it there in one conditional UPDATE, which records itself as owner, takes the next fencing token and a
-- lease it renews while it works. Another instance may take the import over only once the lease has run out; the
-- old owner, should it wake up, finds another token and writes nothing. Stop is a flag the owner reads.
ALTER TABLE import_job ADD COLUMN owner VARCHAR(120);
ALTER TABLE import_job ADD COLUMN fence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE import_job ADD COLUMN lease_until_ms BIGINT;
ALTER TABLE import_job ADD COLUMN stop_requested BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE import_job ADD COLUMN takeovers INTEGER DEFAULT 0 NOT NULL;
-- imports running when this version is installed belong to nobody now: their lease is over, any instance resumes them
UPDATE import_job SET lease_until_ms = 0 WHERE status IN ('RUNNING', 'STOPPING');
CREATE INDEX ix_import_job_lease ON import_job (status, lease_until_ms);

-- A user's password, role or access changed: every instance drops its cached login of that user within seconds.
CREATE TABLE credential_change (
    username_key  VARCHAR(130) NOT NULL,
    changed_on_ms BIGINT       NOT NULL
);
CREATE INDEX ix_credential_change_on ON credential_change (changed_on_ms);

-- Facts every instance must agree on, e.g. which inbox folder they share.
CREATE TABLE platform_fact (
    fact_name  VARCHAR(100) NOT NULL PRIMARY KEY,
    fact_value VARCHAR(400) NOT NULL
);
