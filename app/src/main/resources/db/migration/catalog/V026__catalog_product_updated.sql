-- The search index of every node follows the catalogue by the products' last change.
CREATE INDEX product_updated ON catalog.product (updated_at, id);
