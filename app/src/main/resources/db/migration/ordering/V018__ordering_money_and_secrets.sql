-- Money never moves twice nor without a record. Every call to a payment provider is first an
-- operation (the intent, committed before the call), whose amount is reserved on its payment by one
-- conditional update; the provider's answer settles it, or the reconciler retries it under the same
-- idempotency key (the operation's id) until it does.
ALTER TABLE ordering.payment ADD COLUMN voided BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ordering.payment ADD COLUMN capture_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ordering.payment ADD COLUMN refund_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ordering.payment ADD COLUMN void_pending BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ordering.payment ADD CONSTRAINT payment_money CHECK (
    captured >= 0 AND refunded >= 0 AND voided >= 0 AND capture_pending >= 0 AND refund_pending >= 0
    AND void_pending >= 0 AND refunded + refund_pending <= captured
    AND captured + voided + capture_pending + void_pending <= amount);

CREATE TABLE ordering.payment_operation (
    id               UUID                     NOT NULL PRIMARY KEY,
    payment_id       UUID                     NOT NULL REFERENCES ordering.payment (id),
    order_id         UUID                     NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    amount           BIGINT                   NOT NULL,
    status           VARCHAR(20)              NOT NULL,
    -- what the provider needs to authorise (a card token), kept only until the operation is settled
    token            VARCHAR(200),
    reason           VARCHAR(200),
    detail           VARCHAR(500),
    provider_ref     VARCHAR(120),
    attempts         INTEGER                  NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by     VARCHAR(100)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payment_operation_amount CHECK (amount > 0)
);
-- The reconciler: operations still pending, by when they are next due.
CREATE INDEX payment_operation_due ON ordering.payment_operation (status, next_attempt_at);
CREATE INDEX payment_operation_payment ON ordering.payment_operation (payment_id);

-- What the customer owes falls with the goods they returned; store credit and exchange credit given
-- for them count as paid back, like a refund.
ALTER TABLE ordering.customer_order ADD COLUMN returned BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ordering.customer_order ADD COLUMN credited BIGINT DEFAULT 0 NOT NULL;

-- A guest reads their order with its secret (the link of the confirmation), a shopper their cart with
-- the cart's: only their SHA-256 is kept.
ALTER TABLE ordering.customer_order ADD COLUMN secret_hash CHAR(64);
ALTER TABLE ordering.cart ADD COLUMN secret_hash CHAR(64);
