-- A hold a storefront places belongs to the shopper who placed it (by their address): only they see
-- or release it, and a shopper has only so many at a time.
ALTER TABLE inventory.hold ADD COLUMN holder VARCHAR(64);
CREATE INDEX hold_holder ON inventory.hold (holder, status);
