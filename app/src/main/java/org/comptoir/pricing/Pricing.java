package org.comptoir.pricing;

/**
 * The pricing engine as other modules use it: carts quote every change through it, orders quote at
 * placement and then redeem, so that coupon limits and promotion budgets are counted once per order.
 */
public interface Pricing {

    /**
     * Prices a basket.
     *
     * @throws org.comptoir.platform.web.ApiProblem 404 for an unknown SKU or channel, 422 for an unknown
     *     coupon code, a coupon of a promotion in another currency, a SKU with no price in the currency
     */
    Quote quote(QuoteRequest request);

    /**
     * Counts the coupons and promotion budgets a placed order used, in the caller's transaction.
     *
     * @throws org.comptoir.platform.web.ApiProblem 409 when a coupon's limit or a budget ran out since the
     *     quote was made (the order must be re-quoted)
     */
    void redeem(Quote quote, String orderReference, String customerRef);

    /** Gives back what a cancelled order used: coupon uses and promotion budget. */
    void release(String orderReference);

    /**
     * The shelf price of each SKU on a channel, in the channel's currency (no customer group, no
     * promotion): what a product list shows and a price facet counts. SKUs without a price are left out.
     */
    java.util.Map<String, Long> shelfPrices(String channelCode, java.util.Collection<String> skus);
}
