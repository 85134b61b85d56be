package org.comptoir.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TextSearch;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.search.Language;
import org.comptoir.search.ProductSearch;
import org.comptoir.search.internal.SearchPage.Availability;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The search as the rest of the platform asks it: the catalogue's {@code q=} (the products the words
 * mean, for the back office's lists) and the bot (the products a customer's sentence names). Both wait
 * for this node's first build of the index rather than answer from half of it.
 */
@Service
class SearchService implements TextSearch, ProductSearch {

    static final Duration WAIT_FOR_INDEX = Duration.ofSeconds(20);
    /** Past this, a search answers from the index as it is rather than wait for a change to be followed. */
    static final Duration WAIT_FOR_CHANGES = Duration.ofSeconds(2);

    private final Searcher searcher;
    private final CatalogFollower follower;

    SearchService(Searcher searcher, CatalogFollower follower) {
        this.searcher = searcher;
        this.follower = follower;
    }

    SearchPage search(SearchRequest request) {
        ready();
        return searcher.search(request);
    }

    /** The index built, and the changes made on this node followed (read your writes). */
    private void ready() {
        if (!follower.awaitBuilt(WAIT_FOR_INDEX)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "search-index-building", "Search index building",
                    "This node is still building its search index; try again in a moment");
        }
        follower.awaitLocalChanges(WAIT_FOR_CHANGES);
    }

    @Override
    public List<UUID> productIdsMatching(String text, int limit) {
        if (text.length() > SearchController.MAX_QUERY) {
            throw ApiProblem.invalid("q", "at most " + SearchController.MAX_QUERY + " characters");
        }
        ready();
        return searcher.matching(text, limit);
    }

    @Override
    public List<Found> mentionedIn(String text, Language language, String channelCode, int limit) {
        String bounded = text.length() > SearchController.MAX_QUERY ? text.substring(0, SearchController.MAX_QUERY)
                : text;
        SearchPage page = search(new SearchRequest(bounded, language.name().toLowerCase(java.util.Locale.ROOT),
                channelCode, EnumSet.of(ProductStatus.ACTIVE), null, null, Map.of(), null, null, 0, null, false,
                Set.of(), limit, 0, Queries.Match.ANY, true));
        List<Found> found = new ArrayList<>();
        for (SearchPage.Item item : page.items()) {
            // the SKU that answers best: one in stock, else the first expected back, else the first
            SearchPage.VariantHit best = item.variants().stream()
                    .min(Comparator.comparingInt((SearchPage.VariantHit v) -> v.available() != null
                            && v.available() > 0 ? 0 : v.backOn() != null ? 1 : 2))
                    .orElse(null);
            if (best != null) {
                found.add(new Found(item.productId(), item.name(), best.sku(),
                        item.availability() == Availability.IN_STOCK, item.backOn()));
            }
        }
        return found;
    }
}
