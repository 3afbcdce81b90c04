-- Enrolments ("issues") of ISSUE_EARN badges, earns, and the request log that makes enrolment requests idempotent.

CREATE TABLE badge_enrolment (
    id                 VARCHAR(24)  NOT NULL PRIMARY KEY,
    org_id             BIGINT       NOT NULL REFERENCES org (id),
    badge_id           VARCHAR(24)  NOT NULL REFERENCES badge_meta (id),
    customer_id        VARCHAR(100) NOT NULL,
    issue_event_ms     BIGINT       NOT NULL,
    issued_on_ms       BIGINT       NOT NULL,
    expires_on_ms      BIGINT       NOT NULL,
    owner_type         VARCHAR(40)  NOT NULL,
    owner_reference_id VARCHAR(255) NOT NULL,
    request_id         VARCHAR(200),
    revoked_on_ms      BIGINT
);

CREATE INDEX ix_enrolment_badge_customer ON badge_enrolment (badge_id, customer_id);

-- requestId is unique per org for earns: the constraint, not a check-then-insert, makes concurrent duplicates
-- (on one server or many) end with exactly one earn.
CREATE TABLE badge_earn (
    id                 VARCHAR(24)  NOT NULL PRIMARY KEY,
    org_id             BIGINT       NOT NULL REFERENCES org (id),
    badge_id           VARCHAR(24)  NOT NULL REFERENCES badge_meta (id),
    customer_id        VARCHAR(100) NOT NULL,
    enrolment_id       VARCHAR(24),
    request_id         VARCHAR(200) NOT NULL,
    fingerprint        VARCHAR(64)  NOT NULL,
    earn_event_ms      BIGINT       NOT NULL,
    earned_on_ms       BIGINT       NOT NULL,
    expires_on_ms      BIGINT       NOT NULL,
    owner_type         VARCHAR(40)  NOT NULL,
    owner_reference_id VARCHAR(255) NOT NULL,
    revoked_on_ms      BIGINT,
    CONSTRAINT uq_earn_request UNIQUE (org_id, request_id)
);

CREATE INDEX ix_earn_badge_customer ON badge_earn (badge_id, customer_id);

CREATE TABLE request_log (
    org_id        BIGINT         NOT NULL REFERENCES org (id),
    operation     VARCHAR(20)    NOT NULL,
    request_id    VARCHAR(200)   NOT NULL,
    fingerprint   VARCHAR(64)    NOT NULL,
    response      VARCHAR(65536),
    created_on_ms BIGINT         NOT NULL,
    PRIMARY KEY (org_id, operation, request_id)
);
