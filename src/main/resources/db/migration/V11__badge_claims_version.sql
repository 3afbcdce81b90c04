-- Issue 12: badge definitions and claims are cached per instance and checked against the database on every use.
-- A badge's @Version covers its own columns; claims_version is raised in the transaction of every claim change,
-- so one indexed read of (version, claims_version) tells any instance whether its cached copy is current.
ALTER TABLE badge_meta ADD COLUMN claims_version BIGINT DEFAULT 0 NOT NULL;
