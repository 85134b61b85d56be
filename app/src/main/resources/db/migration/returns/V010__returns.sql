-- Returns: what a customer brings or sends back, from any channel's order, where it is received, in
-- what condition, and how it is refunded.
CREATE SCHEMA IF NOT EXISTS returns;

-- SKUs that cannot be returned (hygiene, made to measure…), with why.
CREATE TABLE returns.non_returnable (
    sku               VARCHAR(64)              NOT NULL PRIMARY KEY,
    reason            VARCHAR(200)             NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A return: its code (printed or sent to the customer, scanned at a kiosk), the order it is for, how
-- it comes back (IN_STORE, KIOSK, PARCEL) and where, how it is refunded (ORIGINAL_PAYMENT,
-- STORE_CREDIT, or EXCHANGE: spent on a replacement, whose order is named), and what was refunded;
-- refund_amount - refunded is still owed (a marketplace refunds its own orders).
CREATE TABLE returns.return_request (
    id                UUID                     NOT NULL PRIMARY KEY,
    code              VARCHAR(20)              NOT NULL UNIQUE,
    order_id          UUID                     NOT NULL,
    order_number      VARCHAR(40)              NOT NULL,
    order_channel     VARCHAR(40)              NOT NULL,
    opened_on_channel VARCHAR(40),
    customer_ref      VARCHAR(200),
    method            VARCHAR(20)              NOT NULL,
    location_code     VARCHAR(40),
    refund_to         VARCHAR(20)              NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    currency          CHAR(3)                  NOT NULL,
    refund_amount     BIGINT                   NOT NULL,
    refunded          BIGINT                   NOT NULL,
    credit_code       VARCHAR(20),
    exchange_order_id UUID,
    exchange_order_number VARCHAR(40),
    received_at_location VARCHAR(40),
    opened_by         VARCHAR(200)             NOT NULL,
    opened_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at       TIMESTAMP WITH TIME ZONE,
    version           INTEGER                  NOT NULL
);
CREATE INDEX return_request_order ON returns.return_request (order_id);
CREATE INDEX return_request_customer ON returns.return_request (customer_ref, opened_at);

CREATE TABLE returns.return_line (
    return_id         UUID                     NOT NULL,
    line_no           INTEGER                  NOT NULL,
    sku               VARCHAR(64)              NOT NULL,
    quantity          INTEGER                  NOT NULL CHECK (quantity > 0),
    reason            VARCHAR(30)              NOT NULL,
    comment           VARCHAR(500),
    unit_refund       BIGINT                   NOT NULL,
    condition         VARCHAR(20),
    PRIMARY KEY (return_id, line_no)
);

-- Damaged units received: kept apart from the stock, never sold, until someone decides their fate.
CREATE TABLE returns.quarantine (
    id                UUID                     NOT NULL PRIMARY KEY,
    location_code     VARCHAR(40)              NOT NULL,
    sku               VARCHAR(64)              NOT NULL,
    quantity          INTEGER                  NOT NULL CHECK (quantity > 0),
    return_id         UUID                     NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX quarantine_location ON returns.quarantine (location_code, sku);

-- Store credit given for a return instead of a refund to the original payment.
CREATE TABLE returns.store_credit (
    code              VARCHAR(20)              NOT NULL PRIMARY KEY,
    customer_ref      VARCHAR(200),
    currency          CHAR(3)                  NOT NULL,
    amount            BIGINT                   NOT NULL CHECK (amount > 0),
    balance           BIGINT                   NOT NULL CHECK (balance >= 0),
    return_id         UUID                     NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
