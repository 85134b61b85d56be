-- PostgreSQL only: what lets the rows changed by every order and cart change be updated in place
-- (HOT updates: no new index entries, and the old version is reclaimed within its page without a
-- vacuum).

-- Known customers' open carts not yet flagged abandoned, by the creation time no change moves (a cart
-- untouched since T was created before T). Leaving the index when ordered or flagged is a rare write.
CREATE INDEX cart_awaiting_abandonment ON ordering.cart (created_at)
    WHERE status = 'OPEN' AND abandoned_at IS NULL AND customer_ref IS NOT NULL;

-- Room in each page for the next versions of its rows: a cart changes a few times in its first
-- minutes, a balance with every hold, release and movement of its SKU there.
ALTER TABLE ordering.cart SET (fillfactor = 70);
ALTER TABLE inventory.balance SET (fillfactor = 80);
