package org.comptoir.ordering.internal;

/**
 * A way to take money. Implementations talk to a till, a bank or a gateway. They are called outside
 * any database transaction, with an idempotency key (the recorded operation's id) that they pass to
 * the remote party, so that a call retried after a time-out or a crash is done once. A refusal is an
 * answer ({@link Outcome#declined}); an exception means nobody knows what happened, and the call is
 * retried later with the same key.
 */
interface PaymentProvider {

    /** What the provider did. {@code reference} is its own id of the transaction. */
    record Outcome(boolean approved, String reference, String detail) {

        static Outcome approved(String reference) {
            return new Outcome(true, reference, null);
        }

        static Outcome declined(String detail) {
            return new Outcome(false, null, detail);
        }
    }

    /** Who may take money through a provider. */
    enum Use {
        /** At a store's till (cash, the card terminal): store associates only. */
        TILL,
        /** Online: anyone who sells, and storefronts whose channel lists the provider. */
        ONLINE,
        /** The test gateway: only where test payments are switched on. */
        TEST,
        /** Moves of the platform's own (an exchange's credit): never a client. */
        INTERNAL
    }

    /** The code clients name it by: CASH, CARD_TERMINAL, BANK_TRANSFER, TEST. */
    String code();

    Use use();

    /** True when the money is taken at once (cash, card at the till); false when authorised first. */
    boolean capturesImmediately();

    /**
     * True when a party outside the platform is called (a gateway, a bank): its calls are recorded
     * first and made outside any transaction. False for the till's cash and the like, settled at once.
     */
    default boolean remote() {
        return true;
    }

    /** True when the money arrives later and someone confirms it (bank transfer). */
    default boolean awaitsConfirmation() {
        return false;
    }

    Outcome authorize(String orderNumber, long amount, String currency, String token, String idempotencyKey);

    /** Takes {@code amount} of the authorisation; the rest of it is let go. */
    Outcome capture(String reference, long amount, String idempotencyKey);

    Outcome refund(String reference, long amount, String idempotencyKey);

    /** Lets go {@code amount} of an authorisation not captured. */
    Outcome voidAuthorization(String reference, long amount, String idempotencyKey);
}
