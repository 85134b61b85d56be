package org.comptoir.pricing;

/**
 * Loyalty points spent as a discount: the engine asks what the points a customer wants to spend are
 * worth and takes that off the basket after the promotions, spread over the lines like a cart
 * discount (so each line's VAT is on what it really costs). The customers module keeps the points;
 * without it, points cannot be spent.
 */
public interface LoyaltyPoints {

    /**
     * What {@code points} are worth, in minor units of {@code currency}, to the customer.
     *
     * @throws org.comptoir.platform.web.ApiProblem 422 when the customer has no loyalty account or
     *     fewer points than that
     */
    long value(String customerRef, long points, String currency);

    /** Takes the points from the customer for an order, in the caller's transaction (once per order). */
    void spend(String customerRef, long points, String orderReference);

    /** Gives back the points an order spent (it was cancelled). */
    void giveBack(String orderReference);
}
