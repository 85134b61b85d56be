-- API keys of back-office users and integrations. Only a SHA-256 of the secret is stored: the keys
-- are 192-bit random tokens, so a slow password hash would add latency without adding safety.
CREATE SCHEMA IF NOT EXISTS access;

CREATE TABLE access.api_key (
    id             UUID                     NOT NULL PRIMARY KEY,
    name           VARCHAR(200)             NOT NULL,
    prefix         VARCHAR(16)              NOT NULL,
    secret_hash    VARCHAR(64)              NOT NULL,
    roles          VARCHAR(200)             NOT NULL,
    location_code  VARCHAR(40),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_key_secret_hash UNIQUE (secret_hash)
);
