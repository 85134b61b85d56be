package org.comptoir.pricing.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A promotion rule. {@code target} says which lines it looks at (SKUs, categories or the whole cart);
 * {@code threshold}, when set, is the spend those lines must reach; {@code stacking} says how it
 * combines with the others, which are applied by descending priority.
 */
record Promotion(UUID id, String code, String name, Kind kind, Target target, Set<String> targetCodes,
        Integer percentBp, Long amount, String currency, Integer buyQuantity, Integer getQuantity, Long threshold,
        Set<String> channelCodes, String customerGroup, Instant validFrom, Instant validTo, int priority,
        Stacking stacking, Long budget, long spent, boolean requiresCoupon, boolean active, int version,
        Instant createdAt, Instant updatedAt) {

    enum Kind {
        /** A percentage off each targeted line, or off the cart. */
        PERCENT_OFF,
        /** An amount off each targeted unit, or once off the cart. */
        AMOUNT_OFF,
        /** For every {@code buy + get} targeted units, the {@code get} cheapest are free (or {@code percent} off). */
        BUY_X_GET_Y,
        /** The delivery fee is waived. */
        FREE_DELIVERY
    }

    enum Target {
        SKU,
        CATEGORY,
        CART
    }

    enum Stacking {
        /** Applies on top of the others. */
        COMBINABLE,
        /** Skips lines another promotion discounted, and keeps the lines it discounts for itself. */
        NOT_COMBINABLE,
        /** Applies only to a basket nothing else discounted, and then nothing else applies. */
        EXCLUSIVE
    }

    /** Why the promotion is not open to this basket right now, or null when it is. */
    String closedReason(Instant now, String channelCode, String customerGroup, String quoteCurrency) {
        if (!active) {
            return "the promotion is not active";
        }
        if (validFrom != null && now.isBefore(validFrom)) {
            return "the promotion starts at " + validFrom;
        }
        if (validTo != null && !now.isBefore(validTo)) {
            return "the promotion ended at " + validTo;
        }
        if (!channelCodes.isEmpty() && !channelCodes.contains(channelCode)) {
            return "the promotion is not offered on channel " + channelCode;
        }
        if (customerGroup() != null && !customerGroup().equals(customerGroup)) {
            return "the promotion is for customer group " + customerGroup();
        }
        if (currency != null && !currency.equals(quoteCurrency)) {
            return "the promotion is in " + currency;
        }
        if (budget != null && spent >= budget) {
            return "the promotion's budget is spent";
        }
        return null;
    }

    /** What is left of the budget, or unlimited. */
    long budgetLeft() {
        return budget == null ? Long.MAX_VALUE : Math.max(0, budget - spent);
    }

    boolean targets(String sku, Set<String> categories) {
        return switch (target) {
            case CART -> true;
            case SKU -> targetCodes.contains(sku);
            case CATEGORY -> categories.stream().anyMatch(targetCodes::contains);
        };
    }
}
