-- Prices, VAT, delivery fees, promotions and coupons: what one pricing engine needs to give every
-- channel the same answer. Money is always an integer of minor units beside its currency.
CREATE SCHEMA IF NOT EXISTS pricing;

-- A price list applies to a currency, optionally only to one channel or one customer group, within
-- its validity dates. The most specific list holding a price for the SKU wins (group, then channel,
-- then the default list), then the higher priority.
CREATE TABLE pricing.price_list (
    id              UUID                     NOT NULL PRIMARY KEY,
    code            VARCHAR(40)              NOT NULL,
    list_name       VARCHAR(200)             NOT NULL,
    currency        CHAR(3)                  NOT NULL,
    channel_code    VARCHAR(40),
    customer_group  VARCHAR(40),
    priority        INTEGER                  NOT NULL,
    valid_from      TIMESTAMP WITH TIME ZONE,
    valid_to        TIMESTAMP WITH TIME ZONE,
    active          BOOLEAN                  NOT NULL,
    version         INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT price_list_code UNIQUE (code)
);

CREATE TABLE pricing.price (
    price_list_id   UUID        NOT NULL REFERENCES pricing.price_list (id) ON DELETE CASCADE,
    sku             VARCHAR(64) NOT NULL,
    amount          BIGINT      NOT NULL,
    compare_at      BIGINT,
    PRIMARY KEY (sku, price_list_id),
    CONSTRAINT price_amount_not_negative CHECK (amount >= 0),
    CONSTRAINT price_compare_at_above CHECK (compare_at IS NULL OR compare_at > amount)
);

-- VAT in basis points (20 % = 2000) per tax class and country.
CREATE TABLE pricing.tax_rate (
    country      CHAR(2)     NOT NULL,
    tax_class    VARCHAR(20) NOT NULL,
    rate_bp      INTEGER     NOT NULL,
    PRIMARY KEY (country, tax_class),
    CONSTRAINT tax_rate_range CHECK (rate_bp >= 0 AND rate_bp <= 10000)
);

INSERT INTO pricing.tax_rate (country, tax_class, rate_bp) VALUES
    ('FR', 'STANDARD', 2000), ('FR', 'INTERMEDIATE', 1000), ('FR', 'REDUCED', 550),
    ('FR', 'SUPER_REDUCED', 210), ('FR', 'ZERO', 0);

-- The fee of a delivery method in a currency (carriers and zones come with fulfilment).
CREATE TABLE pricing.delivery_fee (
    method     VARCHAR(30) NOT NULL,
    currency   CHAR(3)     NOT NULL,
    amount     BIGINT      NOT NULL,
    tax_class  VARCHAR(20) NOT NULL,
    PRIMARY KEY (method, currency),
    CONSTRAINT delivery_fee_not_negative CHECK (amount >= 0)
);

CREATE TABLE pricing.promotion (
    id               UUID                     NOT NULL PRIMARY KEY,
    code             VARCHAR(40)              NOT NULL,
    promotion_name   VARCHAR(200)             NOT NULL,
    kind             VARCHAR(30)              NOT NULL,
    target           VARCHAR(20)              NOT NULL,
    target_codes     VARCHAR(4000),
    percent_bp       INTEGER,
    amount           BIGINT,
    currency         CHAR(3),
    buy_quantity     INTEGER,
    get_quantity     INTEGER,
    threshold        BIGINT,
    channel_codes    VARCHAR(1000),
    customer_group   VARCHAR(40),
    valid_from       TIMESTAMP WITH TIME ZONE,
    valid_to         TIMESTAMP WITH TIME ZONE,
    priority         INTEGER                  NOT NULL,
    stacking         VARCHAR(20)              NOT NULL,
    budget           BIGINT,
    spent            BIGINT                   NOT NULL,
    requires_coupon  BOOLEAN                  NOT NULL,
    active           BOOLEAN                  NOT NULL,
    version          INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT promotion_code UNIQUE (code),
    CONSTRAINT promotion_spent_within_budget CHECK (budget IS NULL OR spent <= budget)
);

CREATE TABLE pricing.coupon (
    code                VARCHAR(40) NOT NULL PRIMARY KEY,
    promotion_id        UUID        NOT NULL REFERENCES pricing.promotion (id) ON DELETE CASCADE,
    usage_limit         INTEGER,
    per_customer_limit  INTEGER,
    used                INTEGER     NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT coupon_used_within_limit CHECK (usage_limit IS NULL OR used <= usage_limit)
);
CREATE INDEX coupon_promotion ON pricing.coupon (promotion_id);

-- One row per coupon used by an order: the per-customer limit counts these, and a retried or
-- re-priced order never uses a coupon twice.
CREATE TABLE pricing.redemption (
    coupon_code     VARCHAR(40)              NOT NULL,
    order_reference VARCHAR(120)             NOT NULL,
    customer_ref    VARCHAR(120),
    discount        BIGINT                   NOT NULL,
    redeemed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (coupon_code, order_reference)
);
CREATE INDEX redemption_customer ON pricing.redemption (coupon_code, customer_ref);

-- What each order spent of each promotion's budget (released when the order is cancelled).
CREATE TABLE pricing.promotion_spend (
    promotion_id    UUID                     NOT NULL,
    order_reference VARCHAR(120)             NOT NULL,
    amount          BIGINT                   NOT NULL,
    spent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (promotion_id, order_reference)
);
