package org.comptoir.search.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import java.util.List;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Every match of a query, as (product ordinal, score): facets count them all, and the best are ranked
 * further than Lucene's score can (stock, boosts). Cheaper than it sounds: two arrays of a catalogue's
 * size at most.
 */
final class AllHits extends SimpleCollector {

    int[] ordinals = new int[64];
    float[] scores = new float[64];
    int count;
    /** For {@link #top}: how many matched in all, and whether that is exact or a lower bound. */
    long total;
    boolean totalExact = true;
    private NumericDocValues values;
    private Scorable scorer;
    private final boolean scored;

    AllHits(boolean scored) {
        this.scored = scored;
    }

    static CollectorManager<AllHits, AllHits> manager(boolean scored) {
        return new CollectorManager<>() {
            @Override
            public AllHits newCollector() {
                return new AllHits(scored);
            }

            @Override
            public AllHits reduce(Collection<AllHits> collectors) {
                AllHits all = new AllHits(scored);
                for (AllHits c : collectors) {
                    for (int i = 0; i < c.count; i++) {
                        all.add(c.ordinals[i], c.scores[i]);
                    }
                }
                return all;
            }
        };
    }

    /**
     * The {@code k} best matches only, best first, found the way Lucene finds a top (skipping what cannot
     * make it): for ranking without facets, far cheaper than scoring every match.
     */
    static AllHits top(IndexSearcher searcher, Query query, int k) throws IOException {
        TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(k, k));
        ScoreDoc[] docs = top.scoreDocs;
        Integer[] byDoc = new Integer[docs.length];
        for (int i = 0; i < docs.length; i++) {
            byDoc[i] = i;
        }
        Arrays.sort(byDoc, (a, b) -> Integer.compare(docs[a].doc, docs[b].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int[] ordinal = new int[docs.length];
        int leaf = -1;
        NumericDocValues values = null;
        for (int i : byDoc) {
            int l = ReaderUtil.subIndex(docs[i].doc, leaves);
            if (l != leaf) {
                leaf = l;
                values = DocValues.getNumeric(leaves.get(l).reader(), CatalogIndex.ORDINAL);
            }
            values.advanceExact(docs[i].doc - leaves.get(l).docBase);
            ordinal[i] = (int) values.longValue();
        }
        AllHits hits = new AllHits(true);
        for (int i = 0; i < docs.length; i++) {
            hits.add(ordinal[i], docs[i].score);
        }
        hits.total = top.totalHits.value();
        hits.totalExact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
        return hits;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        values = DocValues.getNumeric(context.reader(), CatalogIndex.ORDINAL);
    }

    @Override
    public void setScorer(Scorable scorer) {
        this.scorer = scorer;
    }

    @Override
    public void collect(int doc) throws IOException {
        if (values.advanceExact(doc)) {
            add((int) values.longValue(), scored ? scorer.score() : 1f);
        }
    }

    private void add(int ordinal, float score) {
        if (count == ordinals.length) {
            ordinals = Arrays.copyOf(ordinals, count * 2);
            scores = Arrays.copyOf(scores, count * 2);
        }
        ordinals[count] = ordinal;
        scores[count] = score;
        count++;
    }

    /** The positions of the {@code k} best scores, best first (ties by ordinal, for stable pages). */
    int[] best(int k) {
        java.util.Comparator<Integer> better = (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a])
                : Integer.compare(ordinals[a], ordinals[b]);
        // a heap of the k best seen, worst on top: one pass, whatever the number of matches
        java.util.PriorityQueue<Integer> kept = new java.util.PriorityQueue<>(k + 1, better.reversed());
        for (int i = 0; i < count; i++) {
            if (kept.size() < k) {
                kept.add(i);
            } else if (better.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        int[] best = new int[kept.size()];
        for (int i = best.length - 1; i >= 0; i--) {
            best[i] = kept.poll();
        }
        return best;
    }

    @Override
    public ScoreMode scoreMode() {
        return scored ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
    }
}
