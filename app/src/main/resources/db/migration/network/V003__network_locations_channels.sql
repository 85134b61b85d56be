-- Stock locations (warehouses, stores, relay points) and sales channels.
CREATE SCHEMA IF NOT EXISTS network;

CREATE TABLE network.location (
    id              UUID                     NOT NULL PRIMARY KEY,
    code            VARCHAR(40)              NOT NULL,
    name            VARCHAR(200)             NOT NULL,
    type            VARCHAR(30)              NOT NULL,
    address_line1   VARCHAR(200)             NOT NULL,
    address_line2   VARCHAR(200),
    postal_code     VARCHAR(20)              NOT NULL,
    city            VARCHAR(100)             NOT NULL,
    region          VARCHAR(100),
    country         CHAR(2)                  NOT NULL,
    latitude        DOUBLE PRECISION         NOT NULL,
    longitude       DOUBLE PRECISION         NOT NULL,
    time_zone       VARCHAR(64)              NOT NULL,
    capabilities    VARCHAR(200)             NOT NULL,
    daily_capacity  INTEGER,
    active          BOOLEAN                  NOT NULL,
    version         INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT location_code UNIQUE (code)
);

-- Weekly hours: several ranges a day are allowed (a store closed at lunch time).
CREATE TABLE network.opening_hours (
    location_id  UUID     NOT NULL REFERENCES network.location (id) ON DELETE CASCADE,
    day_of_week  SMALLINT NOT NULL,
    opens        TIME     NOT NULL,
    closes       TIME     NOT NULL,
    PRIMARY KEY (location_id, day_of_week, opens)
);

-- Public holidays and special days: no range means closed all day.
CREATE TABLE network.opening_exception (
    location_id  UUID         NOT NULL REFERENCES network.location (id) ON DELETE CASCADE,
    on_date      DATE         NOT NULL,
    position     SMALLINT     NOT NULL,
    opens        TIME,
    closes       TIME,
    label        VARCHAR(200),
    PRIMARY KEY (location_id, on_date, position)
);

CREATE TABLE network.sales_channel (
    id          UUID                     NOT NULL PRIMARY KEY,
    code        VARCHAR(40)              NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    type        VARCHAR(30)              NOT NULL,
    currency    CHAR(3)                  NOT NULL,
    active      BOOLEAN                  NOT NULL,
    version     INTEGER                  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sales_channel_code UNIQUE (code)
);

CREATE TABLE network.channel_location (
    channel_id   UUID NOT NULL REFERENCES network.sales_channel (id) ON DELETE CASCADE,
    location_id  UUID NOT NULL REFERENCES network.location (id),
    PRIMARY KEY (channel_id, location_id)
);

-- Storefront keys: public by nature (they ship in a web page) but still stored hashed.
CREATE TABLE network.publishable_key (
    id          UUID                     NOT NULL PRIMARY KEY,
    channel_id  UUID                     NOT NULL REFERENCES network.sales_channel (id),
    prefix      VARCHAR(16)              NOT NULL,
    key_hash    VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT publishable_key_hash UNIQUE (key_hash)
);
