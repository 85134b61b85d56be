package org.comptoir.ordering.internal;

/**
 * A way to take money. Implementations talk to a till, a bank or a gateway; they are called with no
 * transaction's stock lock held, and answer with what happened rather than throwing for a refusal.
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

    /** The code clients name it by: CASH, CARD_TERMINAL, BANK_TRANSFER, TEST. */
    String code();

    /** True when the money is taken at once (cash, card at the till); false when authorised first. */
    boolean capturesImmediately();

    /** True when the money arrives later and someone confirms it (bank transfer). */
    default boolean awaitsConfirmation() {
        return false;
    }

    Outcome authorize(String orderNumber, long amount, String currency, String token);

    Outcome capture(String reference, long amount);

    Outcome refund(String reference, long amount);

    Outcome voidAuthorization(String reference);
}
