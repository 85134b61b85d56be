-- One stock pool: a balance per (SKU, location), the ledger of every movement, and holds.
CREATE SCHEMA IF NOT EXISTS inventory;

-- available = on_hand - reserved - safety_stock. The primary key starts with the SKU: "this SKU
-- everywhere" (availability) is one index range.
CREATE TABLE inventory.balance (
    sku                  VARCHAR(64)              NOT NULL,
    location_code        VARCHAR(40)              NOT NULL,
    on_hand              INTEGER                  NOT NULL,
    reserved             INTEGER                  NOT NULL,
    safety_stock         INTEGER                  NOT NULL,
    low_stock_threshold  INTEGER,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (sku, location_code),
    CONSTRAINT balance_on_hand_not_negative CHECK (on_hand >= 0),
    CONSTRAINT balance_reserved_not_negative CHECK (reserved >= 0),
    CONSTRAINT balance_safety_stock_not_negative CHECK (safety_stock >= 0)
);

-- The append-only ledger. A reference is unique per location: replaying a movement finds it here.
CREATE TABLE inventory.movement (
    id             UUID                     NOT NULL PRIMARY KEY,
    location_code  VARCHAR(40)              NOT NULL,
    sku            VARCHAR(64)              NOT NULL,
    kind           VARCHAR(20)              NOT NULL,
    quantity       INTEGER                  NOT NULL,
    on_hand_after  INTEGER                  NOT NULL,
    reference      VARCHAR(120)             NOT NULL,
    reason         VARCHAR(300),
    recorded_by    VARCHAR(100)             NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT movement_reference UNIQUE (location_code, reference)
);
CREATE INDEX movement_sku_time ON inventory.movement (sku, recorded_at);
-- incremental marketplace feeds read what changed since their last call
CREATE INDEX balance_changed ON inventory.balance (updated_at);
CREATE INDEX movement_location_time ON inventory.movement (location_code, recorded_at);

-- Holds: stock promised to a cart, an order or a person until it is confirmed, released or expires.
CREATE TABLE inventory.hold (
    id            UUID                     NOT NULL PRIMARY KEY,
    kind          VARCHAR(10)              NOT NULL,
    reference     VARCHAR(120),
    channel_code  VARCHAR(40)              NOT NULL,
    status        VARCHAR(10)              NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    note          VARCHAR(500),
    created_by    VARCHAR(100)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX hold_expiry ON inventory.hold (status, expires_at);

CREATE TABLE inventory.hold_line (
    hold_id        UUID        NOT NULL REFERENCES inventory.hold (id) ON DELETE CASCADE,
    location_code  VARCHAR(40) NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    quantity       INTEGER     NOT NULL,
    -- how much of the quantity came out of the channel's ring-fences, at the location and across the
    -- network (given back on release)
    fenced          INTEGER     NOT NULL,
    network_fenced  INTEGER     NOT NULL,
    PRIMARY KEY (hold_id, location_code, sku),
    CONSTRAINT hold_line_quantity_positive CHECK (quantity > 0)
);

-- What a channel is shown below the real availability (a marketplace sees 2 fewer, say).
CREATE TABLE inventory.channel_buffer (
    channel_code  VARCHAR(40) NOT NULL PRIMARY KEY,
    quantity      INTEGER     NOT NULL,
    CONSTRAINT channel_buffer_not_negative CHECK (quantity >= 0)
);

-- Stock on its way: purchase order lines and transfers in transit, with the date they are expected,
-- so that a sold-out item can answer "back at this location on that date".
CREATE TABLE inventory.inbound (
    id             UUID                     NOT NULL PRIMARY KEY,
    kind           VARCHAR(20)              NOT NULL,
    location_code  VARCHAR(40)              NOT NULL,
    sku            VARCHAR(64)              NOT NULL,
    quantity       INTEGER                  NOT NULL,
    expected_on    DATE                     NOT NULL,
    reference      VARCHAR(120)             NOT NULL,
    from_location  VARCHAR(40),
    status         VARCHAR(10)              NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT inbound_reference UNIQUE (location_code, reference, sku),
    CONSTRAINT inbound_quantity_positive CHECK (quantity > 0)
);
CREATE INDEX inbound_expected ON inventory.inbound (sku, status, expected_on);

-- Ring-fences: units of a SKU kept for one channel (50 for the marketplace), at one location or, with
-- location_code '*', across the locations the channel sells from. Other channels cannot take them;
-- the owner's holds draw them down (remaining), and give back on release.
CREATE TABLE inventory.ring_fence (
    channel_code   VARCHAR(40) NOT NULL,
    location_code  VARCHAR(40) NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    quantity       INTEGER     NOT NULL,
    remaining      INTEGER     NOT NULL,
    PRIMARY KEY (sku, location_code, channel_code),
    CONSTRAINT ring_fence_quantities CHECK (quantity >= 0 AND remaining >= 0 AND remaining <= quantity)
);
