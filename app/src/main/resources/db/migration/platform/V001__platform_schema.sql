-- Cross-cutting web support owned by the platform module.
CREATE SCHEMA IF NOT EXISTS platform;

-- Replays of POST requests sent with an Idempotency-Key (see docs/api.md).
CREATE TABLE platform.idempotency_record (
    principal     VARCHAR(100)             NOT NULL,
    idem_key      VARCHAR(255)             NOT NULL,
    method        VARCHAR(10)              NOT NULL,
    path          VARCHAR(2000)            NOT NULL,
    request_hash  VARCHAR(64)              NOT NULL,
    status        INTEGER                  NOT NULL,
    content_type  VARCHAR(200),
    location      VARCHAR(2000),
    etag          VARCHAR(200),
    body          VARCHAR,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idem_key)
);
CREATE INDEX idempotency_record_expiry ON platform.idempotency_record (expires_at);
