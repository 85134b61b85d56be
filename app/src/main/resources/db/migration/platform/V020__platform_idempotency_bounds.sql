-- An answer too large to keep is remembered without its body (a replay then says so, with where the
-- resource is); a request that manages its own transactions (a payment) claims its key first, with
-- status 0, so that a second request with the key waits for the first's answer instead of redoing it.
ALTER TABLE platform.idempotency_record ADD COLUMN body_dropped BOOLEAN DEFAULT FALSE NOT NULL;
