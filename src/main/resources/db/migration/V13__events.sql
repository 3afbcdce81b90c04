-- Events to the rest of the loyalty stack (issue 13). An org's admin subscribes webhook endpoints to event types;
-- an earn, revocation or issue writes its delivery rows for the subscribed endpoints in its own transaction (the
-- outbox), so an event exists exactly when its change committed. A row is one event, or — written by an import
-- chunk or a bulk request for an endpoint that batches — up to the endpoint's batch size of them (a JSON array):
-- a million-row import is then a few thousand rows here, not a million. Instances claim due deliveries (claim + claimed_until_ms:
-- a lease another instance may take over when it runs out), POST them, and record the outcome under their claim.
CREATE TABLE webhook (
    id              VARCHAR(24)   NOT NULL PRIMARY KEY,
    org_id          BIGINT        NOT NULL REFERENCES org (id),
    url             VARCHAR(2000) NOT NULL,
    secret          VARCHAR(200)  NOT NULL,
    -- ",badgeEarned,badgeIssued," : matched with LIKE '%,type,%' in the writer's one statement
    event_types     VARCHAR(200)  NOT NULL,
    batch_size      INTEGER       NOT NULL,
    active          BOOLEAN       NOT NULL,
    created_on_ms   BIGINT        NOT NULL,
    last_success_ms BIGINT,
    last_failure_ms BIGINT,
    last_error      VARCHAR(500),
    failures_in_row BIGINT        DEFAULT 0 NOT NULL
);
CREATE INDEX ix_webhook_org ON webhook (org_id);

CREATE TABLE event_delivery (
    -- no foreign key: every earn's insert would take a share lock on its endpoint's one row, and concurrent earns
    -- of an org then queue on it (PostgreSQL multixacts). Rows are written only for endpoints read in the same
    -- statement; deleting an endpoint deletes its rows, and the dispatcher's purge deletes any a racing earn left.
    webhook_id       VARCHAR(24)   NOT NULL,
    -- the event's id; for a row of several events, its first event's
    event_id         VARCHAR(36)   NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    event_count      INTEGER       DEFAULT 1 NOT NULL,
    -- the event as receivers get it; a JSON array of them when event_count > 1
    payload          VARCHAR(1000000) NOT NULL,
    created_ms       BIGINT        NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       DEFAULT 0 NOT NULL,
    next_attempt_ms  BIGINT        NOT NULL,
    -- the retry period runs from here: the event's creation, or the admin's redelivery of a dead event
    retry_from_ms    BIGINT        NOT NULL,
    claim            VARCHAR(40),
    claimed_until_ms BIGINT,
    last_error       VARCHAR(500),
    delivered_ms     BIGINT,
    PRIMARY KEY (webhook_id, event_id)
);
-- the dispatcher's look-up of an endpoint's due deliveries, its backlog and dead list (one index: every earn of a
-- subscribed org writes here, and each index more was a measurable share of the earn's cost); in the claim's order,
-- so a claim reads its first rows instead of sorting the whole backlog
CREATE INDEX ix_delivery_webhook_status ON event_delivery (webhook_id, status, created_ms, event_id);
