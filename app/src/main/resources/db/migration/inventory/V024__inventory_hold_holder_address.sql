-- A storefront's hold is seen by the signed-in customer who placed it when there is one (an address
-- changes as a phone moves between networks), while the number of holds stays bounded per address.
ALTER TABLE inventory.hold ADD COLUMN holder_address VARCHAR(64);
DROP INDEX inventory.hold_holder;
CREATE INDEX hold_holder_address ON inventory.hold (holder_address, status);
