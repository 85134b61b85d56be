-- Carriers: their services per delivery method, the countries each serves, the cut-off time at the
-- shipping location, the transit time in working days, and the price per weight band.
CREATE TABLE fulfilment.carrier_service (
    code              VARCHAR(40)              NOT NULL PRIMARY KEY,
    carrier           VARCHAR(80)              NOT NULL,
    service_name      VARCHAR(120)             NOT NULL,
    method            VARCHAR(30)              NOT NULL,
    countries         VARCHAR(400)             NOT NULL,
    cutoff            TIME                     NOT NULL,
    transit_days      INTEGER                  NOT NULL CHECK (transit_days BETWEEN 0 AND 30),
    active            BOOLEAN                  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The price of a parcel up to max_weight_grams (the lightest band that fits applies).
CREATE TABLE fulfilment.carrier_rate (
    service_code      VARCHAR(40)              NOT NULL,
    max_weight_grams  INTEGER                  NOT NULL CHECK (max_weight_grams > 0),
    price             BIGINT                   NOT NULL CHECK (price >= 0),
    currency          CHAR(3)                  NOT NULL,
    PRIMARY KEY (service_code, max_weight_grams)
);

-- A shipment of a fulfilment order: the service chosen and why, its parcels, its tracking number
-- and where the parcel is.
CREATE TABLE fulfilment.shipment (
    id                UUID                     NOT NULL PRIMARY KEY,
    fulfilment_order_id UUID                   NOT NULL,
    service_code      VARCHAR(40)              NOT NULL,
    carrier           VARCHAR(80)              NOT NULL,
    tracking_number   VARCHAR(40)              NOT NULL UNIQUE,
    parcels           INTEGER                  NOT NULL CHECK (parcels > 0),
    weight_grams      INTEGER                  NOT NULL CHECK (weight_grams > 0),
    cost              BIGINT                   NOT NULL,
    currency          CHAR(3)                  NOT NULL,
    estimated_delivery DATE                    NOT NULL,
    promised_by       DATE,
    choice_reason     VARCHAR(2000)            NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX shipment_fulfilment_order ON fulfilment.shipment (fulfilment_order_id);

-- What the carrier said about a parcel, in the order it said it.
CREATE TABLE fulfilment.tracking_event (
    id                UUID                     NOT NULL PRIMARY KEY,
    shipment_id       UUID                     NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    description       VARCHAR(500),
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tracking_event_shipment ON fulfilment.tracking_event (shipment_id, occurred_at);
