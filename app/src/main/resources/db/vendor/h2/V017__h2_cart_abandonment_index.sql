-- H2 has no partial index: open carts by creation time (see the PostgreSQL V017 for why not by
-- updated_at).
CREATE INDEX cart_awaiting_abandonment ON ordering.cart (status, created_at);
