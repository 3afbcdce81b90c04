-- Orgs, API users, badge definitions, owners and claims. Portable SQL: runs unchanged on H2 2.x and PostgreSQL.
-- Instants are epoch milliseconds in BIGINT columns: no time-zone conversion anywhere between client and disk.

CREATE SEQUENCE org_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE api_user_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE org (
    id            BIGINT       NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    created_on_ms BIGINT       NOT NULL,
    CONSTRAINT uq_org_name UNIQUE (name)
);

CREATE TABLE api_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    org_id        BIGINT       NOT NULL REFERENCES org (id),
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(300) NOT NULL,
    is_admin      BOOLEAN      NOT NULL,
    created_on_ms BIGINT       NOT NULL,
    CONSTRAINT uq_api_user_username UNIQUE (username)
);

CREATE TABLE badge_meta (
    id                          VARCHAR(24)   NOT NULL PRIMARY KEY,
    org_id                      BIGINT        NOT NULL REFERENCES org (id),
    name                        VARCHAR(255)  NOT NULL,
    description                 VARCHAR(2000),
    start_on_ms                 BIGINT        NOT NULL,
    expires_on_ms               BIGINT        NOT NULL,
    earn_type                   VARCHAR(20)   NOT NULL,
    active                      BOOLEAN       NOT NULL,
    -- owner types as ",Loyalty,Milestones,": one column, filterable with LIKE, no join per listed badge
    owners                      VARCHAR(400)  NOT NULL,
    earned_expiry_type          VARCHAR(20)   NOT NULL,
    earned_relative_unit        VARCHAR(10),
    earned_relative_value       INTEGER,
    earned_absolute_type        VARCHAR(20),
    earned_fixed_expires_on_ms  BIGINT,
    issued_expiry_type          VARCHAR(20),
    issued_relative_unit        VARCHAR(10),
    issued_relative_value       INTEGER,
    issued_absolute_type        VARCHAR(20),
    issued_fixed_expires_on_ms  BIGINT,
    customer_constraints        VARCHAR(65536),
    badge_constraints           VARCHAR(65536),
    images                      VARCHAR(65536),
    benefits                    VARCHAR(65536),
    tags                        VARCHAR(65536),
    custom_fields               VARCHAR(65536),
    badge_group_id              VARCHAR(64),
    badge_rank                  INTEGER,
    default_till_id             BIGINT,
    created_on_ms               BIGINT        NOT NULL,
    created_by                  VARCHAR(100),
    last_updated_on_ms          BIGINT        NOT NULL,
    last_updated_by             VARCHAR(100),
    version                     BIGINT        NOT NULL,
    CONSTRAINT uq_badge_meta_org_name UNIQUE (org_id, name)
);

CREATE INDEX ix_badge_meta_org_start ON badge_meta (org_id, start_on_ms);

CREATE TABLE badge_claim (
    id            VARCHAR(24)  NOT NULL PRIMARY KEY,
    badge_id      VARCHAR(24)  NOT NULL REFERENCES badge_meta (id),
    owner_type    VARCHAR(40)  NOT NULL,
    reference_id  VARCHAR(255) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_on_ms BIGINT       NOT NULL,
    updated_on_ms BIGINT       NOT NULL,
    CONSTRAINT uq_badge_claim UNIQUE (badge_id, owner_type, reference_id)
);

CREATE INDEX ix_badge_claim_badge ON badge_claim (badge_id, active);
