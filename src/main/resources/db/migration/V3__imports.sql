-- File imports of earns. The import row carries its own checkpoint (next line and byte offset), written in the
-- same transaction as each chunk's earns, so a restart after a crash resumes exactly where the last commit ended.

CREATE TABLE import_job (
    id                VARCHAR(24)   NOT NULL PRIMARY KEY,
    org_id            BIGINT        NOT NULL REFERENCES org (id),
    file_name         VARCHAR(255)  NOT NULL,
    file_path         VARCHAR(2000) NOT NULL,
    format            VARCHAR(10)   NOT NULL,
    source            VARCHAR(20)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    message           VARCHAR(2000),
    content_hash      VARCHAR(64),
    execution_id      BIGINT,
    rows_total        BIGINT,
    rows_read         BIGINT        NOT NULL,
    rows_earned       BIGINT        NOT NULL,
    rows_duplicate    BIGINT        NOT NULL,
    rows_rejected     BIGINT        NOT NULL,
    next_line         BIGINT        NOT NULL,
    next_offset       BIGINT        NOT NULL,
    created_on_ms     BIGINT        NOT NULL,
    started_on_ms     BIGINT,
    ended_on_ms       BIGINT,
    heartbeat_on_ms   BIGINT
);

CREATE INDEX ix_import_job_org ON import_job (org_id, created_on_ms);

CREATE TABLE import_reject (
    import_id   VARCHAR(24)   NOT NULL REFERENCES import_job (id),
    line_number BIGINT        NOT NULL,
    code        INTEGER       NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    line        VARCHAR(8000) NOT NULL,
    PRIMARY KEY (import_id, line_number)
);

-- One row per scheduled slot: the first instance to insert it runs the nightly scan, the others skip.
CREATE TABLE scheduler_run (
    name          VARCHAR(50) NOT NULL,
    slot          VARCHAR(40) NOT NULL,
    instance      VARCHAR(100) NOT NULL,
    created_on_ms BIGINT      NOT NULL,
    PRIMARY KEY (name, slot)
);
