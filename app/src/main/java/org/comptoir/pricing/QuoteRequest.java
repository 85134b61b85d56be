package org.comptoir.pricing;

import java.util.List;

/**
 * A basket to price: the channel it is bought on, who buys it (for group prices and per-customer
 * coupon limits), where (the VAT country, France by default), its lines, the codes typed in and the
 * delivery method chosen, if any, and the loyalty points the customer spends. Without a currency, the
 * channel's applies.
 */
public record QuoteRequest(String channelCode, String currency, String customerRef, String customerGroup,
        String country, List<Line> lines, List<String> codes, String deliveryMethod, long loyaltyPoints) {

    /** A SKU and how many; the same SKU on two lines is priced as one line of the sum. */
    public record Line(String sku, int quantity) {}

    public QuoteRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** A basket spending no loyalty points. */
    public QuoteRequest(String channelCode, String currency, String customerRef, String customerGroup, String country,
            List<Line> lines, List<String> codes, String deliveryMethod) {
        this(channelCode, currency, customerRef, customerGroup, country, lines, codes, deliveryMethod, 0);
    }

    /** The same basket seen from another channel (the consistency audit asks every channel). */
    public QuoteRequest onChannel(String otherChannel) {
        return new QuoteRequest(otherChannel, currency, customerRef, customerGroup, country, lines, codes,
                deliveryMethod, loyaltyPoints);
    }
}
