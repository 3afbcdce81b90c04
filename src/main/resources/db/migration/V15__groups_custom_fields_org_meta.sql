-- Issue 28: badge groups, custom field definitions and org meta (badge tag definitions), each per org.
-- "Unique among the org's active ones": active is TRUE, or NULL once disabled (never FALSE, see the checks), so the
-- unique constraint over (org_id, name, active) binds active rows only: NULLs never collide, on H2 and PostgreSQL
-- alike. The database, not a look-up before the insert, decides which of two racing creates keeps the name.

CREATE TABLE badge_group (
    id                  VARCHAR(24)  NOT NULL PRIMARY KEY,
    org_id              BIGINT       NOT NULL REFERENCES org (id),
    name                VARCHAR(255) NOT NULL,
    group_rank          INTEGER      NOT NULL,
    active              BOOLEAN,
    created_on_ms       BIGINT       NOT NULL,
    created_by          VARCHAR(100),
    created_by_id       BIGINT,
    last_updated_on_ms  BIGINT       NOT NULL,
    last_updated_by     VARCHAR(100),
    last_updated_by_id  BIGINT,
    version             BIGINT       NOT NULL,
    CONSTRAINT ck_badge_group_active CHECK (active IS NULL OR active = TRUE),
    CONSTRAINT uq_badge_group_active_name UNIQUE (org_id, name, active)
);

CREATE TABLE custom_field (
    id                  VARCHAR(24)  NOT NULL PRIMARY KEY,
    org_id              BIGINT       NOT NULL REFERENCES org (id),
    name                VARCHAR(255) NOT NULL,
    data_type           VARCHAR(10)  NOT NULL,
    mandatory           BOOLEAN      NOT NULL,
    default_value       VARCHAR(2000),
    active              BOOLEAN,
    created_on_ms       BIGINT       NOT NULL,
    created_by          VARCHAR(100),
    created_by_id       BIGINT,
    last_updated_on_ms  BIGINT       NOT NULL,
    last_updated_by     VARCHAR(100),
    last_updated_by_id  BIGINT,
    version             BIGINT       NOT NULL,
    CONSTRAINT ck_custom_field_active CHECK (active IS NULL OR active = TRUE),
    CONSTRAINT uq_custom_field_active_name UNIQUE (org_id, name, active)
);

-- one per org: the second create loses on the constraint (409 999999)
CREATE TABLE org_meta (
    id                  VARCHAR(24)    NOT NULL PRIMARY KEY,
    org_id              BIGINT         NOT NULL REFERENCES org (id),
    tags                VARCHAR(65536) NOT NULL,
    created_on_ms       BIGINT         NOT NULL,
    created_by          VARCHAR(100),
    created_by_id       BIGINT,
    last_updated_on_ms  BIGINT         NOT NULL,
    last_updated_by     VARCHAR(100),
    last_updated_by_id  BIGINT,
    version             BIGINT         NOT NULL,
    CONSTRAINT uq_org_meta_org UNIQUE (org_id)
);
