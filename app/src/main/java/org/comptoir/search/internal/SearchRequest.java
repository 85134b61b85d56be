package org.comptoir.search.internal;

import java.util.Map;
import java.util.Set;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.network.GeoPoint;

/**
 * A search as asked: words, the locale of the answer, the channel whose shoppers ask (its products,
 * its stock), filters and the facets wanted.
 *
 * @param channel null for the back office: every product and every location
 * @param near with {@code radiusKm}: only products a location around the point has
 * @param priceBand one of {@link Ranking#BANDS}' labels, null for any
 * @param rankByStock whether the first pages are ordered by what the channel can sell (a shopper's
 *     search) or by relevance alone (a list narrowed by words)
 */
record SearchRequest(String text, String locale, String channel, Set<ProductStatus> statuses, String category,
        String brand, Map<String, String> attributes, String store, GeoPoint near, double radiusKm, String priceBand,
        boolean inStockOnly, Set<String> facets, int limit, int offset, Queries.Match match, boolean rankByStock) {}
