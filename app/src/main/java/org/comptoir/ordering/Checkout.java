package org.comptoir.ordering;

import java.util.List;
import java.util.UUID;
import org.comptoir.platform.security.Caller;

/**
 * Carts opened for a customer by someone else (an agent on the phone, in a chat): priced by the same
 * engine as the web shop's, and handed over to the channel the customer continues on.
 */
public interface Checkout {

    record Line(String sku, int quantity) {}

    /**
     * The cart as priced: what the customer would pay, with the promotions that apply. {@code secret},
     * when the cart was just opened, is what the customer's link to continue it must carry.
     */
    record CartSummary(UUID cartId, String channelCode, String customerRef, int lines, long total, String currency,
            List<String> promotions, String secret) {}

    /**
     * A cart on {@code channelCode} for the customer, with its lines and codes, in one transaction.
     *
     * @throws org.comptoir.platform.web.ApiProblem 4xx for an unknown channel or SKU, a bad quantity,
     *     an unknown coupon (nothing is kept)
     */
    CartSummary openCart(String channelCode, String customerRef, List<Line> lines, List<String> codes, Caller caller);

    /** The open, non-empty carts of a customer (any of their references), newest first. */
    List<CartSummary> openCarts(java.util.Collection<String> customerRefs);

    /** An order placed from a cart: its number, what it costs, how it is to be paid. */
    record Placed(UUID orderId, String number, String status, long total, String paymentTerms) {}

    /**
     * Places the cart's order for the customer (an agent on the phone): paid now by a payment link
     * ({@code PAY_NOW}) or at the store that hands it over ({@code PAY_AT_PICKUP}).
     */
    Placed placeOrder(UUID cartId, String paymentTerms, Caller caller);

    /** The cart continues on another channel (the web shop, the app), same lines and prices. */
    CartSummary handOver(UUID cartId, String channelCode, Caller caller);

    /**
     * A new secret for the cart, replacing the one it had (the customer's link to continue it on the
     * web carries it); only whoever may change the cart gets one.
     */
    String newSecret(UUID cartId, Caller caller);
}
