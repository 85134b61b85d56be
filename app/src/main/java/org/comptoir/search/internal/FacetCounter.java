package org.comptoir.search.internal;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts every match and, per facet value (category, brand), how many matches have it: read from the
 * documents' doc values in document order, so that counting a hundred thousand matches reads memory
 * in sequence rather than jumping from product to product.
 */
final class FacetCounter extends SimpleCollector {

    int matched;
    int[] counts;
    private SortedNumericDocValues values;

    private FacetCounter(int size) {
        counts = new int[size];
    }

    static CollectorManager<FacetCounter, FacetCounter> manager(int size) {
        return new CollectorManager<>() {
            @Override
            public FacetCounter newCollector() {
                return new FacetCounter(size);
            }

            @Override
            public FacetCounter reduce(Collection<FacetCounter> collectors) {
                FacetCounter all = new FacetCounter(size);
                for (FacetCounter c : collectors) {
                    all.matched += c.matched;
                    all.grow(c.counts.length);
                    for (int i = 0; i < c.counts.length; i++) {
                        all.counts[i] += c.counts[i];
                    }
                }
                return all;
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        values = DocValues.getSortedNumeric(context.reader(), CatalogIndex.FACET);
    }

    @Override
    public void collect(int doc) throws IOException {
        matched++;
        if (values.advanceExact(doc)) {
            for (int i = 0, n = values.docValueCount(); i < n; i++) {
                int id = (int) values.nextValue();
                grow(id + 1);
                counts[id]++;
            }
        }
    }

    private void grow(int size) {
        if (size > counts.length) {
            counts = java.util.Arrays.copyOf(counts, Math.max(size, counts.length * 2));
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
