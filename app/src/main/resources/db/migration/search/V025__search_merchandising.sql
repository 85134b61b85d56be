-- What merchandisers tell the search: words that mean the same in a locale ("taille-haie" and
-- "cisaille à haie"), and products to lift in the ranking. Every node reloads them when they change.
CREATE SCHEMA IF NOT EXISTS search;

CREATE TABLE search.synonym (
    id          UUID                     NOT NULL PRIMARY KEY,
    locale      VARCHAR(16)              NOT NULL,
    terms       VARCHAR(2000)            NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX synonym_locale ON search.synonym (locale);

CREATE TABLE search.boost (
    product_id  UUID                     NOT NULL PRIMARY KEY,
    factor      DOUBLE PRECISION         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
