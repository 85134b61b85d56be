-- The stock feed finds the holds placed since its cursor here: placing a hold leaves
-- balance.updated_at alone, so that the reservation is an in-place (HOT) update on PostgreSQL.
CREATE INDEX hold_created ON inventory.hold (created_at);
