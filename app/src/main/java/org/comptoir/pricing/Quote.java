package org.comptoir.pricing;

import java.util.List;

/**
 * The engine's one answer for a basket. Every amount is an integer of minor units of {@code currency}.
 * {@code pricesIncludeTax} says how the lists are kept; each line nevertheless carries its net (before
 * VAT), tax and gross (VAT included) amounts, rounded per line as French invoices require, and the
 * totals are their sums.
 */
public record Quote(String channelCode, String currency, String country, boolean pricesIncludeTax,
        List<QuotedLine> lines, Delivery delivery, List<AppliedPromotion> promotions, List<CodeStatus> codes,
        List<TaxLine> taxes, Totals totals, Loyalty loyalty) {

    /** Loyalty points spent on the basket and what they took off it (null when none are spent). */
    public record Loyalty(long points, long amount) {}

    /**
     * A line: the unit price from {@code priceList} (and the crossed-out price, if any), the list total,
     * the discounts of each promotion, then what is charged.
     */
    public record QuotedLine(String sku, int quantity, long unitPrice, Long compareAtPrice, String priceList,
            long listTotal, List<LineDiscount> discounts, long discount, long total, int taxRateBp, long net,
            long tax, long gross) {}

    public record LineDiscount(String promotionCode, long amount) {}

    /** The delivery fee of the method chosen, less a free-delivery promotion. */
    public record Delivery(String method, long fee, long discount, long total, int taxRateBp, long net, long tax,
            long gross) {}

    /** A promotion that applied, by how much, and why it did. */
    public record AppliedPromotion(String code, String name, String kind, long amount, String reason) {}

    /** A code typed in: applied, or why not. */
    public record CodeStatus(String code, boolean applied, String reason) {}

    public record TaxLine(int rateBp, long net, long tax) {}

    /** {@code gross} is what the customer pays. */
    public record Totals(long listTotal, long discount, long delivery, long net, long tax, long gross) {}

    public long payable() {
        return totals.gross();
    }

    /** The codes that were typed in but do not apply. */
    public List<CodeStatus> rejectedCodes() {
        return codes.stream().filter(c -> !c.applied()).toList();
    }
}
