-- Outgoing webhooks: subscriptions, one delivery per (subscription, event), and every attempt.
CREATE SCHEMA IF NOT EXISTS integration;

CREATE TABLE integration.webhook_subscription (
    id           UUID                     NOT NULL PRIMARY KEY,
    url          VARCHAR(2000)            NOT NULL,
    event_types  VARCHAR(2000)            NOT NULL,
    secret       VARCHAR(200)             NOT NULL,
    description  VARCHAR(500),
    active       BOOLEAN                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE integration.webhook_delivery (
    id               UUID                     NOT NULL PRIMARY KEY,
    subscription_id  UUID                     NOT NULL REFERENCES integration.webhook_subscription (id) ON DELETE CASCADE,
    event_id         UUID                     NOT NULL,
    event_type       VARCHAR(100)             NOT NULL,
    payload          VARCHAR(1000000)         NOT NULL,
    status           VARCHAR(12)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_once UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due ON integration.webhook_delivery (status, next_attempt_at);

CREATE TABLE integration.webhook_attempt (
    delivery_id   UUID                     NOT NULL REFERENCES integration.webhook_delivery (id) ON DELETE CASCADE,
    attempt       INTEGER                  NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code   INTEGER,
    error         VARCHAR(1000),
    duration_ms   BIGINT                   NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
