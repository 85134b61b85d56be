-- Customers: one profile whatever the channel, the identities that recognise it, the consent ledger,
-- the touchpoint timeline, segments and loyalty.
CREATE SCHEMA IF NOT EXISTS customers;

-- A profile. MERGED profiles are aliases of merged_into (they still resolve); ERASED ones keep their
-- id (orders point at it) and nothing personal. Addresses and custom attributes are JSON documents;
-- the home point (from the default address) and indexed custom attributes are copied out for queries.
CREATE TABLE customers.customer (
    id                UUID                     NOT NULL PRIMARY KEY,
    status            VARCHAR(10)              NOT NULL,
    merged_into       UUID,
    given_name        VARCHAR(100),
    family_name       VARCHAR(100),
    birth_date        DATE,
    language          VARCHAR(10),
    preferred_store   VARCHAR(40),
    preferred_channel VARCHAR(40),
    addresses_json    VARCHAR(20000)           NOT NULL,
    attributes_json   VARCHAR(20000)           NOT NULL,
    home_latitude     DOUBLE PRECISION,
    home_longitude    DOUBLE PRECISION,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INTEGER                  NOT NULL
);
CREATE INDEX customer_merged_into ON customers.customer (merged_into);
CREATE INDEX customer_last_seen ON customers.customer (status, last_seen_at);

-- Custom attributes a retailer declares, with their type; indexed ones are copied to attribute_value.
CREATE TABLE customers.attribute_definition (
    name              VARCHAR(60)              NOT NULL PRIMARY KEY,
    type              VARCHAR(10)              NOT NULL,
    indexed           BOOLEAN                  NOT NULL,
    description       VARCHAR(200)
);

CREATE TABLE customers.attribute_value (
    customer_id       UUID                     NOT NULL,
    name              VARCHAR(60)              NOT NULL,
    text_value        VARCHAR(400),
    number_value      NUMERIC(30, 6),
    PRIMARY KEY (customer_id, name)
);
CREATE INDEX attribute_value_text ON customers.attribute_value (name, text_value);
CREATE INDEX attribute_value_number ON customers.attribute_value (name, number_value);

-- An identity recognises one profile: (kind, identity_value) is unique, normalised (lower-case email,
-- E.164 phone). origin_customer_id is the profile it first belonged to, so an undone merge gives it back.
CREATE TABLE customers.identity (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    origin_customer_id UUID                    NOT NULL,
    kind              VARCHAR(20)              NOT NULL,
    identity_value    VARCHAR(320)             NOT NULL,
    verified          BOOLEAN                  NOT NULL,
    source            VARCHAR(60)              NOT NULL,
    first_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT identity_value UNIQUE (kind, identity_value)
);
CREATE INDEX identity_customer ON customers.identity (customer_id);

-- Values that never recognise anyone (a store's shared tablet, noemail@…); a trailing * is a prefix.
CREATE TABLE customers.blocked_identity (
    kind              VARCHAR(20)              NOT NULL,
    pattern           VARCHAR(320)             NOT NULL,
    reason            VARCHAR(200)             NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, pattern)
);

-- Every merge: who absorbed whom, by which rule or person and why, and the survivor's profile as it
-- was before (to undo the merge).
CREATE TABLE customers.merge_record (
    id                UUID                     NOT NULL PRIMARY KEY,
    survivor_id       UUID                     NOT NULL,
    absorbed_id       UUID                     NOT NULL,
    rule              VARCHAR(60)              NOT NULL,
    reason            VARCHAR(300)             NOT NULL,
    actor             VARCHAR(200)             NOT NULL,
    survivor_before_json VARCHAR(40000)        NOT NULL,
    merged_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    undone_at         TIMESTAMP WITH TIME ZONE,
    undone_by         VARCHAR(200)
);
CREATE INDEX merge_record_survivor ON customers.merge_record (survivor_id, merged_at);
CREATE INDEX merge_record_absorbed ON customers.merge_record (absorbed_id, merged_at);

-- The consent ledger, append-only: the newest entry per (customer, channel, purpose) is in force.
-- PENDING waits for its double opt-in confirmation (token_hash); GRANTED carries the confirmation time.
CREATE TABLE customers.consent_entry (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    origin_customer_id UUID                    NOT NULL,
    channel           VARCHAR(20)              NOT NULL,
    purpose           VARCHAR(20)              NOT NULL,
    status            VARCHAR(10)              NOT NULL,
    via_channel       VARCHAR(40)              NOT NULL,
    form              VARCHAR(100)             NOT NULL,
    wording_version   VARCHAR(40)              NOT NULL,
    token_hash        VARCHAR(64),
    recorded_by       VARCHAR(200)             NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX consent_entry_customer ON customers.consent_entry (customer_id, channel, purpose, recorded_at);
CREATE INDEX consent_entry_token ON customers.consent_entry (token_hash);

-- Touchpoints from every channel. Built for volume: rows are only ever inserted, found by profile and
-- time or by anonymous id, and pruned by time (retention deletes the oldest range through the
-- occurred_at index). anonymous_id keeps the device/browser id so later identification stitches them.
CREATE TABLE customers.touchpoint (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID,
    origin_customer_id UUID,
    anonymous_id      VARCHAR(320),
    type              VARCHAR(30)              NOT NULL,
    channel           VARCHAR(40)              NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    location_code     VARCHAR(40),
    subject           VARCHAR(200),
    category          VARCHAR(100),
    properties_json   VARCHAR(8000)            NOT NULL
);
CREATE INDEX touchpoint_customer ON customers.touchpoint (customer_id, occurred_at);
CREATE INDEX touchpoint_anonymous ON customers.touchpoint (anonymous_id);
CREATE INDEX touchpoint_time ON customers.touchpoint (occurred_at);

-- The orders of a profile, as the ordering module named their customer (any spelling of an identity,
-- a profile id): found by the order's event, moved by merges, so every channel's orders follow the profile.
CREATE TABLE customers.order_link (
    order_id          UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    origin_customer_id UUID                    NOT NULL,
    customer_ref      VARCHAR(200)             NOT NULL,
    linked_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX order_link_customer ON customers.order_link (customer_id);

-- What orders say of a profile: counts and spend on every channel, RFM scores (1-5) and lifetime value.
CREATE TABLE customers.customer_stats (
    customer_id       UUID                     NOT NULL PRIMARY KEY,
    orders            INTEGER                  NOT NULL,
    spent             BIGINT                   NOT NULL,
    currency          CHAR(3),
    first_order_at    TIMESTAMP WITH TIME ZONE,
    last_order_at     TIMESTAMP WITH TIME ZONE,
    channels          VARCHAR(400)             NOT NULL,
    stores            VARCHAR(400)             NOT NULL,
    recency           INTEGER,
    frequency         INTEGER,
    monetary          INTEGER,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Segments: a condition tree (JSON); members kept up to date as events arrive, time windows by a pass.
CREATE TABLE customers.segment (
    id                UUID                     NOT NULL PRIMARY KEY,
    code              VARCHAR(60)              NOT NULL UNIQUE,
    name              VARCHAR(200)             NOT NULL,
    condition_json    VARCHAR(20000)           NOT NULL,
    timed             BOOLEAN                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    evaluated_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE customers.segment_member (
    segment_id        UUID                     NOT NULL,
    customer_id       UUID                     NOT NULL,
    since             TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (segment_id, customer_id)
);
CREATE INDEX segment_member_customer ON customers.segment_member (customer_id);

-- Loyalty: a member's tier and balance, and the points ledger. An EARN entry keeps what is left of
-- it (remaining) until it is spent, first earned first, or expires.
CREATE TABLE customers.loyalty_account (
    customer_id       UUID                     NOT NULL PRIMARY KEY,
    card_number       VARCHAR(60)              NOT NULL UNIQUE,
    tier              VARCHAR(40)              NOT NULL,
    balance           BIGINT                   NOT NULL CHECK (balance >= 0),
    enrolled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INTEGER                  NOT NULL
);

CREATE TABLE customers.loyalty_entry (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    origin_customer_id UUID                    NOT NULL,
    kind              VARCHAR(10)              NOT NULL,
    points            BIGINT                   NOT NULL,
    remaining         BIGINT                   NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE,
    reference         VARCHAR(60),
    reason            VARCHAR(200),
    recorded_by       VARCHAR(200)             NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT loyalty_entry_once UNIQUE (kind, reference)
);
CREATE INDEX loyalty_entry_customer ON customers.loyalty_entry (customer_id, recorded_at);
CREATE INDEX loyalty_entry_expiry ON customers.loyalty_entry (expires_at);

-- Proof that a person's data was erased: when, at whose request, what each module anonymised.
CREATE TABLE customers.erasure_record (
    id                UUID                     NOT NULL PRIMARY KEY,
    customer_id       UUID                     NOT NULL,
    requested_by      VARCHAR(200)             NOT NULL,
    reason            VARCHAR(200)             NOT NULL,
    summary_json      VARCHAR(4000)            NOT NULL,
    erased_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
