-- Carts that follow the customer across channels, orders placed by any channel, their history and
-- their payments. Amounts are integers of minor units of the row's currency.
CREATE SCHEMA IF NOT EXISTS ordering;

CREATE TABLE ordering.cart (
    id                UUID                     NOT NULL PRIMARY KEY,
    channel_code      VARCHAR(40)              NOT NULL,
    customer_ref      VARCHAR(120),
    customer_group    VARCHAR(40),
    currency          CHAR(3)                  NOT NULL,
    country           CHAR(2)                  NOT NULL,
    codes             VARCHAR(500),
    -- loyalty points the customer spends on the cart
    loyalty_points    BIGINT                   DEFAULT 0 NOT NULL,
    status            VARCHAR(20)              NOT NULL,
    hold_id           UUID,
    order_id          UUID,
    version           INTEGER                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    abandoned_at      TIMESTAMP WITH TIME ZONE
);
-- The abandoned-cart sweep reads open carts by last activity.
CREATE INDEX cart_open_activity ON ordering.cart (status, updated_at);
CREATE INDEX cart_customer ON ordering.cart (customer_ref);

-- A group of lines shares one fulfilment choice (delivered home, collected in a store...).
CREATE TABLE ordering.cart_group (
    cart_id        UUID         NOT NULL REFERENCES ordering.cart (id) ON DELETE CASCADE,
    group_code     VARCHAR(40)  NOT NULL,
    method         VARCHAR(30)  NOT NULL,
    location_code  VARCHAR(40),
    relay_point    VARCHAR(80),
    address_json   VARCHAR(2000),
    PRIMARY KEY (cart_id, group_code)
);

CREATE TABLE ordering.cart_line (
    cart_id     UUID        NOT NULL REFERENCES ordering.cart (id) ON DELETE CASCADE,
    sku         VARCHAR(64) NOT NULL,
    group_code  VARCHAR(40) NOT NULL,
    quantity    INTEGER     NOT NULL,
    added_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (cart_id, sku, group_code),
    CONSTRAINT cart_line_quantity CHECK (quantity > 0)
);

CREATE SEQUENCE ordering.order_number START WITH 100001;

CREATE TABLE ordering.customer_order (
    id               UUID                     NOT NULL PRIMARY KEY,
    order_number     VARCHAR(20)              NOT NULL,
    channel_code     VARCHAR(40)              NOT NULL,
    external_id      VARCHAR(120),
    customer_ref     VARCHAR(120),
    cart_id          UUID,
    status           VARCHAR(30)              NOT NULL,
    payment_terms    VARCHAR(20)              NOT NULL,
    payment_status   VARCHAR(20)              NOT NULL,
    currency         CHAR(3)                  NOT NULL,
    country          CHAR(2)                  NOT NULL,
    codes            VARCHAR(500),
    list_total       BIGINT                   NOT NULL,
    discount         BIGINT                   NOT NULL,
    delivery         BIGINT                   NOT NULL,
    net              BIGINT                   NOT NULL,
    tax              BIGINT                   NOT NULL,
    gross            BIGINT                   NOT NULL,
    paid             BIGINT                   NOT NULL,
    refunded         BIGINT                   NOT NULL,
    promotions_json  VARCHAR(4000),
    loyalty_points   BIGINT                   DEFAULT 0 NOT NULL,
    hold_id          UUID,
    expires_at       TIMESTAMP WITH TIME ZONE,
    placed_by        VARCHAR(100)             NOT NULL,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          INTEGER                  NOT NULL,
    CONSTRAINT order_number_unique UNIQUE (order_number),
    -- A marketplace order is imported once: its id is unique on its channel.
    CONSTRAINT order_external_unique UNIQUE (channel_code, external_id)
);
CREATE INDEX order_customer ON ordering.customer_order (customer_ref, placed_at);
-- The expiry sweep: orders waiting for payment or collection, by deadline.
CREATE INDEX order_expiry ON ordering.customer_order (status, expires_at);

CREATE TABLE ordering.order_group (
    order_id       UUID         NOT NULL REFERENCES ordering.customer_order (id),
    group_code     VARCHAR(40)  NOT NULL,
    method         VARCHAR(30)  NOT NULL,
    location_code  VARCHAR(40),
    relay_point    VARCHAR(80),
    address_json   VARCHAR(2000),
    PRIMARY KEY (order_id, group_code)
);

CREATE TABLE ordering.order_line (
    order_id        UUID         NOT NULL REFERENCES ordering.customer_order (id),
    line_no         INTEGER      NOT NULL,
    sku             VARCHAR(64)  NOT NULL,
    group_code      VARCHAR(40)  NOT NULL,
    location_code   VARCHAR(40)  NOT NULL,
    quantity        INTEGER      NOT NULL,
    cancelled       INTEGER      NOT NULL,
    unit_price      BIGINT       NOT NULL,
    discount        BIGINT       NOT NULL,
    total           BIGINT       NOT NULL,
    tax_rate_bp     INTEGER      NOT NULL,
    net             BIGINT       NOT NULL,
    tax             BIGINT       NOT NULL,
    gross           BIGINT       NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_quantity CHECK (quantity > 0 AND cancelled >= 0 AND cancelled <= quantity)
);

-- Every change of an order: who did it, from which channel, and why.
CREATE TABLE ordering.order_history (
    id           UUID                     NOT NULL PRIMARY KEY,
    order_id     UUID                     NOT NULL REFERENCES ordering.customer_order (id),
    from_status  VARCHAR(30),
    to_status    VARCHAR(30)              NOT NULL,
    action       VARCHAR(40)              NOT NULL,
    actor        VARCHAR(100)             NOT NULL,
    channel_code VARCHAR(40),
    detail       VARCHAR(1000),
    at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX order_history_order ON ordering.order_history (order_id, at);

CREATE TABLE ordering.payment (
    id            UUID                     NOT NULL PRIMARY KEY,
    order_id      UUID                     NOT NULL REFERENCES ordering.customer_order (id),
    provider      VARCHAR(30)              NOT NULL,
    status        VARCHAR(20)              NOT NULL,
    amount        BIGINT                   NOT NULL,
    captured      BIGINT                   NOT NULL,
    refunded      BIGINT                   NOT NULL,
    provider_ref  VARCHAR(120),
    detail        VARCHAR(500),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX payment_order ON ordering.payment (order_id);
