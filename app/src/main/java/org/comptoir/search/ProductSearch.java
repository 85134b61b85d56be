package org.comptoir.search;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Products found from words, as other modules ask (the bot): the same index, analysis and ranking as
 * the search API, for a channel's shopper.
 */
public interface ProductSearch {

    /** A product found, with the SKU that best answers (the one the words named, else one in stock). */
    record Found(UUID productId, String name, String sku, boolean inStock, LocalDate backOn) {}

    /**
     * The products a free text (a sentence of a customer) names, best first: its words need not all
     * match, since a message says more than the product.
     */
    List<Found> mentionedIn(String text, Language language, String channelCode, int limit);
}
