-- Issue 29: activities (what customers did) and the rules on badges that earn from them.
-- A badge's rule is kept as its canonical JSON; earn_rule_activity (the rule's activity name, spelled as
-- EnumSpellings spells it) finds the rules an arriving activity may move.
ALTER TABLE badge_meta ADD COLUMN earn_rule VARCHAR(65536);
ALTER TABLE badge_meta ADD COLUMN earn_rule_activity VARCHAR(100);
CREATE INDEX ix_badge_meta_rule_activity ON badge_meta (org_id, earn_rule_activity);

-- One row per activity: the org and requestId are its identity (a repeat is refused by the key, also when two
-- instances race), answer is what the first request was told (a repeat answers 809 with it). Keys and indexes lead
-- with the column the lookups name in an IN list (requestIds, customers): H2 then seeks each value instead of
-- scanning all of the org's rows (as V4 did for the earns).
CREATE TABLE activity (
    org_id        BIGINT         NOT NULL REFERENCES org (id),
    request_id    VARCHAR(200)   NOT NULL,
    customer_id   VARCHAR(100)   NOT NULL,
    activity      VARCHAR(100)   NOT NULL,
    event_ms      BIGINT         NOT NULL,
    attributes    VARCHAR(65536) NOT NULL,
    fingerprint   VARCHAR(64)    NOT NULL,
    received_ms   BIGINT         NOT NULL,
    import_id     VARCHAR(24),
    import_line   BIGINT,
    answer        VARCHAR(1000000),
    CONSTRAINT pk_activity PRIMARY KEY (request_id, org_id)
);
-- a customer's activities of one name, in event order: what a rule replays
CREATE INDEX ix_activity_customer ON activity (customer_id, org_id, activity, event_ms);

-- One row per customer of an org that has activities: the row every evaluation of the customer locks first, so two
-- transactions (two instances, REST and a file) evaluate one customer one after the other, each seeing the other's
-- activities. Kept small: the counts say how much there is to replay.
CREATE TABLE activity_customer (
    org_id            BIGINT       NOT NULL REFERENCES org (id),
    customer_id       VARCHAR(100) NOT NULL,
    activities        BIGINT       DEFAULT 0 NOT NULL,
    last_event_ms     BIGINT,
    updated_ms        BIGINT,
    CONSTRAINT pk_activity_customer PRIMARY KEY (customer_id, org_id)
);
