-- Shoppers' own identities: an account per email address proven by a code sent to it, an optional
-- password (its Argon2id hash), the short-lived sessions signing in opens (only their token's SHA-256
-- is kept) and the sign-in codes (likewise).
CREATE SCHEMA IF NOT EXISTS shoppers;

CREATE TABLE shoppers.account (
    id               UUID                     NOT NULL PRIMARY KEY,
    email            VARCHAR(320)             NOT NULL,
    profile_id       UUID                     NOT NULL,
    password_hash    VARCHAR(200),
    failed_attempts  INTEGER                  DEFAULT 0 NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT account_email UNIQUE (email)
);
CREATE INDEX account_profile ON shoppers.account (profile_id);

CREATE TABLE shoppers.session (
    id            UUID                     NOT NULL PRIMARY KEY,
    token_hash    CHAR(64)                 NOT NULL,
    account_id    UUID                     NOT NULL REFERENCES shoppers.account (id),
    channel_code  VARCHAR(40)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT session_token UNIQUE (token_hash)
);
CREATE INDEX session_account ON shoppers.session (account_id);

CREATE TABLE shoppers.sign_in_code (
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(320)             NOT NULL,
    code_hash     CHAR(64)                 NOT NULL,
    channel_code  VARCHAR(40)              NOT NULL,
    attempts      INTEGER                  DEFAULT 0 NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX sign_in_code_email ON shoppers.sign_in_code (email, created_at);
