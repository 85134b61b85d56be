package org.comptoir.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.search.internal.SearchPage.Availability;
import org.springframework.stereotype.Component;

/**
 * Runs a search: the words and filters through the index (the best 300 by Lucene's top-k, every match
 * counted once more for the category and brand facets), the best of them ranked with stock and boosts, the availability and price filters applied to those, a
 * page cut, names highlighted; when nothing matches every word, products matching most of them; when
 * nothing matches at all, the words as the catalogue spells them.
 */
@Component
class Searcher {

    /** How many of the best matches can be paged through, and filtered by stock or price. */
    static final int RANKED = 300;
    /** How many are ranked by stock when no stock or price filter asks for them all: the first pages. */
    static final int RANKED_BY_STOCK = 60;

    private final CatalogIndex index;
    private final Queries queries;
    private final Ranking ranking;
    private final Facets facets;
    private final Highlights highlights;
    private final DirectSpellChecker speller = new DirectSpellChecker();
    private final Merchandising merchandising;
    private final boolean cacheResults;

    /**
     * Answers kept for a moment: shoppers type the same few hundred words all day. Keyed by the index
     * version and the merchandisers' settings, so a change to either is seen at once; stock moves
     * are seen within {@link #RESULT_TTL} and the time to recompute (ranking reads them kept a few
     * seconds anyway).
     */
    static final java.time.Duration RESULT_TTL = java.time.Duration.ofSeconds(2);
    private static final int RESULTS = 2_000;

    private record ResultKey(SearchRequest request, CatalogIndex.Generation generation, long version,
            long merchandising) {}

    /** {@code refreshing}: one request recomputes an answer past its time; the others meanwhile get it. */
    private record Result(SearchPage page, long atNanos, java.util.concurrent.atomic.AtomicBoolean refreshing) {}

    private final Map<ResultKey, Result> results = new java.util.concurrent.ConcurrentHashMap<>();

    Searcher(CatalogIndex index, Queries queries, Ranking ranking, Facets facets, Highlights highlights,
            Merchandising merchandising,
            @org.springframework.beans.factory.annotation.Value("${comptoir.search.result-cache:true}")
            boolean cacheResults) {
        this.merchandising = merchandising;
        this.cacheResults = cacheResults;
        this.index = index;
        this.queries = queries;
        this.ranking = ranking;
        this.facets = facets;
        this.highlights = highlights;
        speller.setMinPrefix(0);
    }

    SearchPage search(SearchRequest r) {
        CatalogIndex.Generation g = index.current();
        IndexSearcher searcher = index.acquire(g);
        try {
            if (!cacheResults) {
                return search(r, g, searcher);
            }
            // the same search on the same index, synonyms and boosts, within a moment: the same answer
            ResultKey key = new ResultKey(r, g, ((org.apache.lucene.index.DirectoryReader) searcher.getIndexReader())
                    .getVersion(), merchandising.version());
            long now = System.nanoTime();
            Result cached = results.get(key);
            if (cached != null && (now - cached.atNanos() < RESULT_TTL.toNanos()
                    || !cached.refreshing().compareAndSet(false, true))) {
                return cached.page(); // fresh, or another request is already refreshing it
            }
            SearchPage page = search(r, g, searcher);
            if (results.size() >= RESULTS) {
                results.values().removeIf(old -> now - old.atNanos() >= RESULT_TTL.toNanos());
                if (results.size() >= RESULTS) {
                    results.clear(); // a bound on memory, not an eviction policy
                }
            }
            results.put(key, new Result(page, now, new java.util.concurrent.atomic.AtomicBoolean()));
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(g, searcher);
        }
    }

    /** The products with every word (any status, any channel), best first: for lists narrowed by words. */
    List<java.util.UUID> matching(String text, int limit) {
        CatalogIndex.Generation g = index.current();
        IndexSearcher searcher = index.acquire(g);
        try {
            List<String> words = queries.words(text);
            if (words.isEmpty()) {
                return List.of();
            }
            AllHits hits = AllHits.top(searcher, either(queries.code(text), queries.text(words, null,
                    Queries.Match.ALL, false, searcher.getIndexReader())), limit);
            List<java.util.UUID> ids = new ArrayList<>();
            for (int position : hits.best(limit)) {
                ids.add(g.product(hits.ordinals[position]).id());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(g, searcher);
        }
    }

    private SearchPage search(SearchRequest r, CatalogIndex.Generation g, IndexSearcher searcher) throws IOException {
        List<String> words = r.text() == null ? List.of() : queries.words(r.text());
        if (r.text() != null && words.isEmpty()) {
            return new SearchPage(List.of(), 0, null, false, null, Map.of()); // only punctuation
        }
        boolean prefixLast = r.text() != null && !r.text().endsWith(" ") && r.match() == Queries.Match.ALL;
        Query filters = filters(r);
        Set<Integer> exact = new HashSet<>();
        Query query;
        boolean relaxed = false;
        AllHits hits;
        if (r.text() == null) {
            query = and(new MatchAllDocsQuery(), filters);
            hits = AllHits.top(searcher, query, RANKED);
        } else {
            AllHits codes = searcher.search(and(queries.code(r.text()), filters), AllHits.manager(false));
            for (int i = 0; i < codes.count; i++) {
                exact.add(codes.ordinals[i]);
            }
            if (!exact.isEmpty() && !r.text().strip().contains(" ")) {
                // a SKU or GTIN typed alone is that product: no need to read it as words
                query = and(queries.code(r.text()), filters);
                hits = AllHits.top(searcher, query, RANKED);
            } else {
                Query text = queries.text(words, r.locale(), r.match(), prefixLast, searcher.getIndexReader());
                query = and(either(queries.code(r.text()), text), filters);
                hits = AllHits.top(searcher, query, RANKED);
            }
            if (hits.count == 0 && r.match() == Queries.Match.ALL && words.size() > 1) {
                relaxed = true;
                query = and(queries.text(words, r.locale(), Queries.Match.MOST, prefixLast,
                        searcher.getIndexReader()), filters);
                hits = AllHits.top(searcher, query, RANKED);
            }
        }
        // category and brand count every match: one more pass, without scores, over doc values
        FacetCounter every = Facets.countsMatches(r.facets())
                ? searcher.search(query, FacetCounter.manager(g.valueCount() + 1)) : null;
        long matched = every != null ? every.matched : hits.totalExact ? hits.total : searcher.count(query);
        List<Ranking.Candidate> ranked = new ArrayList<>();
        for (int position : hits.best(RANKED)) {
            int ordinal = hits.ordinals[position];
            ranked.add(new Ranking.Candidate(g.product(ordinal), hits.scores[position], exact.contains(ordinal)));
        }
        boolean wantPrices = r.priceBand() != null || r.facets().contains(Facets.PRICE);
        boolean wide = wantPrices || r.store() != null || r.near() != null || r.inStockOnly()
                || r.facets().contains(Facets.STORE) || r.facets().contains(Facets.AVAILABILITY);
        if (r.rankByStock() || wide) {
            int window = wide ? ranked.size() : Math.min(ranked.size(), RANKED_BY_STOCK);
            ranking.rank(ranked.subList(0, window), r.channel(), wantPrices);
        }
        List<Ranking.Candidate> kept = postFilter(ranked, r);
        Map<String, List<SearchPage.FacetValue>> counted = new java.util.LinkedHashMap<>(
                facets.ofMatches(r.facets(), every, g, ranked.stream().map(c -> c.product).toList()));
        counted.putAll(facets.ofRanked(r.facets(), kept));
        boolean postFiltered = kept.size() != ranked.size() || r.store() != null || r.near() != null
                || r.inStockOnly() || r.priceBand() != null;
        long total = postFiltered ? kept.size() : matched;
        List<SearchPage.Item> items = new ArrayList<>();
        for (int i = r.offset(); i < Math.min(kept.size(), r.offset() + r.limit()); i++) {
            items.add(item(kept.get(i), r, words, prefixLast));
        }
        boolean more = r.offset() + r.limit() < kept.size();
        String didYouMean = matched == 0 && r.text() != null ? didYouMean(words, searcher, filters) : null;
        return new SearchPage(items, total, more ? String.valueOf(r.offset() + r.limit()) : null, relaxed,
                didYouMean, counted);
    }

    private List<Ranking.Candidate> postFilter(List<Ranking.Candidate> ranked, SearchRequest r) {
        List<String> near = r.near() == null ? null : ranking.locationsNear(r.near(), r.radiusKm());
        List<Ranking.Candidate> kept = new ArrayList<>();
        for (Ranking.Candidate c : ranked) {
            if (r.store() != null && !c.locations.contains(r.store())) {
                continue;
            }
            if (near != null && c.locations.stream().noneMatch(near::contains)) {
                continue;
            }
            if (r.inStockOnly() && c.availability != Availability.IN_STOCK) {
                continue;
            }
            if (r.priceBand() != null && !r.priceBand().equals(Ranking.bandOf(c.price))) {
                continue;
            }
            kept.add(c);
        }
        return kept;
    }

    private SearchPage.Item item(Ranking.Candidate c, SearchRequest r, List<String> words, boolean prefixLast) {
        IndexedProduct p = c.product;
        String name = p.name(r.locale());
        List<SearchPage.VariantHit> variants = p.variants().stream().map(v -> new SearchPage.VariantHit(v.sku(),
                v.gtin(), v.attributes(), c.available.get(v.sku()), c.skuBackOn.get(v.sku()))).toList();
        return new SearchPage.Item(p.id(), p.handle(), name, words.isEmpty() ? null
                : highlights.of(name, words, prefixLast), p.brand(), p.categoryCode(), c.availability, c.backOn,
                c.price, variants, Math.round(c.score * 1000) / 1000.0);
    }

    private static Query filters(SearchRequest r) {
        BooleanQuery.Builder f = new BooleanQuery.Builder();
        BooleanQuery.Builder statuses = new BooleanQuery.Builder();
        for (ProductStatus s : r.statuses()) {
            statuses.add(new TermQuery(new Term(CatalogIndex.STATUS, s.name())), Occur.SHOULD);
        }
        f.add(statuses.build(), Occur.FILTER);
        if (r.channel() != null) {
            f.add(new TermQuery(new Term(CatalogIndex.CHANNEL, r.channel())), Occur.FILTER);
        }
        if (r.category() != null) {
            f.add(new TermQuery(new Term(CatalogIndex.CATEGORY, r.category())), Occur.FILTER);
        }
        if (r.brand() != null) {
            f.add(new TermQuery(new Term(CatalogIndex.BRAND, r.brand().toLowerCase(Locale.ROOT))), Occur.FILTER);
        }
        r.attributes().forEach((name, value) -> f.add(new TermQuery(new Term(CatalogIndex.ATTRIBUTE,
                CatalogIndex.attribute(name, value))), Occur.FILTER));
        return f.build();
    }

    private static Query and(Query scored, Query filters) {
        return new BooleanQuery.Builder().add(scored, Occur.MUST).add(filters, Occur.FILTER).build();
    }

    /** A code matched exactly outscores any text: it is what the shopper typed. */
    private static Query either(Query code, Query text) {
        return new BooleanQuery.Builder().add(new org.apache.lucene.search.BoostQuery(
                new org.apache.lucene.search.ConstantScoreQuery(code), 1000f), Occur.SHOULD)
                .add(text, Occur.SHOULD).build();
    }

    /** Each word the catalogue does not know replaced by the nearest it knows, if that finds something. */
    private String didYouMean(List<String> words, IndexSearcher searcher, Query filters) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String w : words) {
            String better = w;
            if (reader.docFreq(new Term(CatalogIndex.SPELL, w)) == 0 && w.length() >= 3) {
                SuggestWord[] suggestions = speller.suggestSimilar(new Term(CatalogIndex.SPELL, w), 1, reader);
                if (suggestions.length > 0) {
                    better = suggestions[0].string;
                    changed = true;
                }
            }
            corrected.add(better);
        }
        if (!changed) {
            return null;
        }
        Query again = and(queries.text(corrected, null, Queries.Match.MOST, false, reader), filters);
        return searcher.count(again) > 0 ? String.join(" ", corrected) : null;
    }
}
