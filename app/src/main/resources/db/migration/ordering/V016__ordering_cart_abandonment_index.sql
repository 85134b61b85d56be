-- Every cart change moves updated_at: an index on it made each of them write a new row version and
-- an entry in every index of the cart. The carts awaiting the abandonment check are found through an
-- index on what does not change instead (V017, per database).
DROP INDEX ordering.cart_open_activity;
