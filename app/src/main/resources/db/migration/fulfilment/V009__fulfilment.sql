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
