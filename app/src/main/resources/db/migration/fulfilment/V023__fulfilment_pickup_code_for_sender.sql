-- The pickup code no longer travels in events (hence in the outbox, webhooks and Kafka): whoever tells
-- the customer reads it (GET .../pickup-code, integrations and admins only), and it is gone once the
-- order leaves the shelf. Its hash still checks what the customer shows.
ALTER TABLE fulfilment.fulfilment_order ADD COLUMN pickup_code VARCHAR(6);
