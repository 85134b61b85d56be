-- Sourcing: the rules that decide which locations fulfil an order's lines, the daily capacity of
-- each location, and every decision taken with its explanation.
CREATE SCHEMA IF NOT EXISTS fulfilment;

-- A rule per channel and delivery method ('*' applies to every channel without its own rule).
-- Fences: at most max_locations locations per order, within max_distance_km of the customer (or the
-- pickup store), stores only with more than min_store_stock units. Ratings: the weights of the
-- distance, cost, workload and stock-depth scores, and the cost of fulfilling from each location type.
CREATE TABLE fulfilment.sourcing_rule (
    channel_code      VARCHAR(40)              NOT NULL,
    method            VARCHAR(30)              NOT NULL,
    max_locations     INTEGER                  NOT NULL CHECK (max_locations BETWEEN 1 AND 3),
    max_distance_km   INTEGER                  CHECK (max_distance_km > 0),
    min_store_stock   INTEGER                  NOT NULL CHECK (min_store_stock >= 0),
    weight_distance   INTEGER                  NOT NULL CHECK (weight_distance >= 0),
    weight_cost       INTEGER                  NOT NULL CHECK (weight_cost >= 0),
    weight_workload   INTEGER                  NOT NULL CHECK (weight_workload >= 0),
    weight_depth      INTEGER                  NOT NULL CHECK (weight_depth >= 0),
    cost_warehouse    INTEGER                  NOT NULL CHECK (cost_warehouse >= 0),
    cost_store        INTEGER                  NOT NULL CHECK (cost_store >= 0),
    updated_by        VARCHAR(200)             NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel_code, method)
);

-- How many orders a location can prepare a day; without a row, it has no limit. Until fulfilment
-- orders count what each location took on, a capacity of 0 closes a location to sourcing.
CREATE TABLE fulfilment.location_capacity (
    location_code     VARCHAR(40)              NOT NULL PRIMARY KEY,
    daily_orders      INTEGER                  NOT NULL CHECK (daily_orders >= 0),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An order as fulfilment knows it: its hold (moved when lines are re-routed) and whether its lines
-- are routed. Unrouted orders are retried, then flagged for a person; they are never dropped.
CREATE TABLE fulfilment.routed_order (
    order_id          UUID                     NOT NULL PRIMARY KEY,
    order_number      VARCHAR(40)              NOT NULL,
    channel_code      VARCHAR(40)              NOT NULL,
    hold_id           UUID,
    released          BOOLEAN                  NOT NULL,
    routed            BOOLEAN                  NOT NULL,
    attempts          INTEGER                  NOT NULL,
    next_attempt_at   TIMESTAMP WITH TIME ZONE,
    flagged_at        TIMESTAMP WITH TIME ZONE,
    groups_json       VARCHAR(20000)           NOT NULL,
    lines_json        VARCHAR(100000)          NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX routed_order_retry ON fulfilment.routed_order (routed, next_attempt_at);

-- Every sourcing decision with its explanation (candidates, fences, scores, choice).
CREATE TABLE fulfilment.sourcing_decision (
    id                UUID                     NOT NULL PRIMARY KEY,
    order_id          UUID                     NOT NULL,
    trigger           VARCHAR(40)              NOT NULL,
    routed            BOOLEAN                  NOT NULL,
    reason            VARCHAR(2000)            NOT NULL,
    explanation_json  VARCHAR(1000000)         NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sourcing_decision_order ON fulfilment.sourcing_decision (order_id, decided_at);

-- One fulfilment order per location and shipment: SHIPMENT to the customer, TRANSFER (a parcel to
-- the pickup store) or PICKUP (prepared and handed over at the pickup store).
CREATE TABLE fulfilment.fulfilment_order (
    id                UUID                     NOT NULL PRIMARY KEY,
    order_id          UUID                     NOT NULL,
    order_number      VARCHAR(40)              NOT NULL,
    channel_code      VARCHAR(40)              NOT NULL,
    group_code        VARCHAR(40)              NOT NULL,
    method            VARCHAR(30)              NOT NULL,
    kind              VARCHAR(20)              NOT NULL,
    location_code     VARCHAR(40)              NOT NULL,
    destination_code  VARCHAR(40),
    status            VARCHAR(30)              NOT NULL,
    due_by            TIMESTAMP WITH TIME ZONE NOT NULL,
    pickup_code_hash  VARCHAR(64),
    pickup_attempts   INTEGER                  NOT NULL,
    ready_at          TIMESTAMP WITH TIME ZONE,
    reminded_at       TIMESTAMP WITH TIME ZONE,
    tracking_number   VARCHAR(100),
    version           INTEGER                  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fulfilment_order_order ON fulfilment.fulfilment_order (order_id);
CREATE INDEX fulfilment_order_work ON fulfilment.fulfilment_order (location_code, status, due_by);
CREATE INDEX fulfilment_order_ready ON fulfilment.fulfilment_order (status, ready_at);

CREATE TABLE fulfilment.fulfilment_line (
    fulfilment_order_id UUID                   NOT NULL,
    line_no           INTEGER                  NOT NULL,
    sku               VARCHAR(64)              NOT NULL,
    quantity          INTEGER                  NOT NULL CHECK (quantity > 0),
    -- where the units come from: the location itself, or for a pickup the transfer's source
    source_code       VARCHAR(40)              NOT NULL,
    PRIMARY KEY (fulfilment_order_id, line_no)
);

-- Who moved a fulfilment order, when, from which state to which, and why.
CREATE TABLE fulfilment.fulfilment_history (
    id                UUID                     NOT NULL PRIMARY KEY,
    fulfilment_order_id UUID                   NOT NULL,
    from_status       VARCHAR(30),
    to_status         VARCHAR(30)              NOT NULL,
    actor             VARCHAR(200)             NOT NULL,
    detail            VARCHAR(2000),
    at                TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fulfilment_history_order ON fulfilment.fulfilment_history (fulfilment_order_id, at);

-- Locations that refused a line of an order: re-routing never sends it back there.
CREATE TABLE fulfilment.refusal (
    order_id          UUID                     NOT NULL,
    line_no           INTEGER                  NOT NULL,
    location_code     VARCHAR(40)              NOT NULL,
    reason            VARCHAR(500)             NOT NULL,
    refused_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_id, line_no, location_code)
);
