-- Products, their variants (the sellable SKUs), categories and bulk imports.
CREATE SCHEMA IF NOT EXISTS catalog;

CREATE TABLE catalog.category (
    id          UUID                     NOT NULL PRIMARY KEY,
    code        VARCHAR(80)              NOT NULL,
    parent_id   UUID                     REFERENCES catalog.category (id),
    path        VARCHAR(1000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT category_code UNIQUE (code)
);
CREATE INDEX category_parent ON catalog.category (parent_id);

CREATE TABLE catalog.category_name (
    category_id  UUID         NOT NULL REFERENCES catalog.category (id) ON DELETE CASCADE,
    locale       VARCHAR(10)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    PRIMARY KEY (category_id, locale)
);

CREATE TABLE catalog.product (
    id           UUID                     NOT NULL PRIMARY KEY,
    handle       VARCHAR(120)             NOT NULL,
    brand        VARCHAR(120),
    category_id  UUID                     REFERENCES catalog.category (id),
    status       VARCHAR(10)              NOT NULL,
    version      INTEGER                  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT product_handle UNIQUE (handle)
);
CREATE INDEX product_category ON catalog.product (category_id);
CREATE INDEX product_status ON catalog.product (status, id);

CREATE TABLE catalog.product_text (
    product_id   UUID         NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
    locale       VARCHAR(10)  NOT NULL,
    name         VARCHAR(300) NOT NULL,
    description  VARCHAR(20000),
    search_text  VARCHAR(20300) NOT NULL,
    PRIMARY KEY (product_id, locale)
);

CREATE TABLE catalog.product_media (
    product_id  UUID          NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
    position    SMALLINT      NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    alt         VARCHAR(300),
    PRIMARY KEY (product_id, position)
);

-- The channel codes a product is published on (channels belong to the network module).
CREATE TABLE catalog.product_channel (
    product_id    UUID        NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
    channel_code  VARCHAR(40) NOT NULL,
    PRIMARY KEY (product_id, channel_code)
);
CREATE INDEX product_channel_code ON catalog.product_channel (channel_code, product_id);

CREATE TABLE catalog.variant (
    id            UUID                     NOT NULL PRIMARY KEY,
    product_id    UUID                     NOT NULL REFERENCES catalog.product (id) ON DELETE CASCADE,
    sku           VARCHAR(64)              NOT NULL,
    gtin          VARCHAR(14),
    weight_grams  INTEGER,
    tax_class     VARCHAR(30)              NOT NULL,
    position      INTEGER                  NOT NULL,
    CONSTRAINT variant_sku UNIQUE (sku),
    CONSTRAINT variant_gtin UNIQUE (gtin)
);
CREATE INDEX variant_product ON catalog.variant (product_id);

CREATE TABLE catalog.variant_attribute (
    variant_id  UUID         NOT NULL REFERENCES catalog.variant (id) ON DELETE CASCADE,
    attr_name   VARCHAR(60)  NOT NULL,
    attr_value  VARCHAR(200) NOT NULL,
    PRIMARY KEY (variant_id, attr_name)
);
CREATE INDEX variant_attribute_value ON catalog.variant_attribute (attr_name, attr_value);

CREATE TABLE catalog.import_job (
    id           UUID                     NOT NULL PRIMARY KEY,
    format       VARCHAR(10)              NOT NULL,
    status       VARCHAR(12)              NOT NULL,
    spool_file   VARCHAR(1000)            NOT NULL,
    rows_total   BIGINT,
    rows_done    BIGINT                   NOT NULL,
    rows_failed  BIGINT                   NOT NULL,
    created_by   VARCHAR(100)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE,
    -- a running job whose heartbeat stops (its node died) is taken over by another node
    heartbeat_at TIMESTAMP WITH TIME ZONE,
    message      VARCHAR(1000)
);
CREATE INDEX import_job_status ON catalog.import_job (status);

CREATE TABLE catalog.import_error (
    job_id  UUID          NOT NULL REFERENCES catalog.import_job (id) ON DELETE CASCADE,
    line    BIGINT        NOT NULL,
    sku     VARCHAR(64),
    reason  VARCHAR(1000) NOT NULL,
    PRIMARY KEY (job_id, line)
);
