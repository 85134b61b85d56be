package org.comptoir.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.comptoir.catalog.ProductDocument;
import org.comptoir.search.Language;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of the catalogue, in this node's memory: one document per product, its texts
 * analysed per language, its codes exact, its filters as keywords; beside it, the product as
 * {@link IndexedProduct} by an ordinal stored in the document. A rebuild fills a new index and swaps
 * it in whole, so searches never see half of one.
 */
@Component
class CatalogIndex {

    static final String ID = "id";
    static final String SKU = "sku";
    static final String GTIN = "gtin";
    static final String STATUS = "status";
    static final String CHANNEL = "channel";
    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String ATTRIBUTE = "attr";
    static final String SPELL = "spell";
    static final String BRAND_TEXT = "brand_text";
    static final String ATTRIBUTE_TEXT = "attr_text";
    static final String OTHER_NAME = "name_other";
    static final String ORDINAL = "ord";
    /** The numbers of the product's facet values (its categories, its brand), for counting. */
    static final String FACET = "facet";

    /** The analysed fields of a language: name, description, category names. */
    static String name(Language l) {
        return "name_" + l.name().toLowerCase(Locale.ROOT);
    }

    static String description(Language l) {
        return "desc_" + l.name().toLowerCase(Locale.ROOT);
    }

    static String categoryText(Language l) {
        return "cat_" + l.name().toLowerCase(Locale.ROOT);
    }

    /** One generation of the index: swapped whole by a rebuild. */
    static final class Generation {
        /** Facet values (categories, brands) as small numbers, counted in arrays rather than maps. */
        final Map<String, Integer> valueIds = new ConcurrentHashMap<>();
        private volatile String[] values = new String[256];

        final IndexWriter writer;
        final SearcherManager searchers;
        final Map<UUID, Integer> versions = new ConcurrentHashMap<>();
        private volatile IndexedProduct[] byOrdinal = new IndexedProduct[1024];
        private int next;

        Generation(Analyzer analyzer) {
            try {
                writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer)
                        .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(64));
                searchers = new SearcherManager(writer, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        IndexedProduct product(int ordinal) {
            return byOrdinal[ordinal];
        }

        String value(int id) {
            return values[id];
        }

        int valueCount() {
            return valueIds.size();
        }

        /** Called by the one thread that writes. */
        private int valueId(String value) {
            Integer id = valueIds.get(value);
            if (id == null) {
                id = valueIds.size();
                if (id == values.length) {
                    values = java.util.Arrays.copyOf(values, id * 2);
                }
                values[id] = value;
                valueIds.put(value, id);
            }
            return id;
        }

        /** Called by the one thread that writes. */
        private int remember(IndexedProduct product) {
            if (next == byOrdinal.length) {
                byOrdinal = java.util.Arrays.copyOf(byOrdinal, next * 2);
            }
            byOrdinal[next] = product;
            return next++;
        }

        int documents() {
            return versions.size();
        }

        void close() {
            try {
                searchers.close();
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Analyzer analyzer;
    private volatile Generation current;

    CatalogIndex(Analysis analysis) {
        Map<String, Analyzer> fields = new HashMap<>();
        for (Language l : Language.values()) {
            fields.put(name(l), analysis.analyzer(l));
            fields.put(description(l), analysis.analyzer(l));
            fields.put(categoryText(l), analysis.analyzer(l));
        }
        this.analyzer = new PerFieldAnalyzerWrapper(analysis.plain(), fields);
        this.current = new Generation(analyzer);
    }

    Generation current() {
        return current;
    }

    Generation fresh() {
        return new Generation(analyzer);
    }

    /** Makes a filled generation the one searched, and closes the one before. */
    void swap(Generation filled) {
        Generation before = current;
        current = filled;
        before.close();
    }

    /** Writes the products into a generation (visible once refreshed); unchanged versions are skipped. */
    int put(Generation g, Collection<ProductDocument> products) {
        int written = 0;
        try {
            for (ProductDocument p : products) {
                Integer known = g.versions.get(p.id());
                if (known != null && known == p.version()) {
                    continue;
                }
                int[] categories = p.categoryCodes().stream().mapToInt(c -> g.valueId("c:" + c)).toArray();
                int brand = p.brand() == null ? -1 : g.valueId("b:" + p.brand());
                int ordinal = g.remember(IndexedProduct.of(p, categories, brand));
                Document d = document(p, ordinal);
                for (int c : categories) {
                    d.add(new SortedNumericDocValuesField(FACET, c));
                }
                if (brand >= 0) {
                    d.add(new SortedNumericDocValuesField(FACET, brand));
                }
                g.writer.updateDocument(new Term(ID, p.id().toString()), d);
                g.versions.put(p.id(), p.version());
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /**
     * Merges the index into one segment: after a build or a bulk change, queries then look every word
     * (and every typo's automaton) up once rather than once per segment.
     */
    void compact(Generation g) {
        try {
            g.writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh(Generation g) {
        try {
            g.searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexSearcher acquire(Generation g) {
        try {
            return g.searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(Generation g, IndexSearcher searcher) {
        try {
            g.searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(ProductDocument p, int ordinal) {
        Document d = new Document();
        d.add(new StringField(ID, p.id().toString(), Field.Store.NO));
        d.add(new NumericDocValuesField(ORDINAL, ordinal));
        d.add(new StringField(STATUS, p.status().name(), Field.Store.NO));
        p.channels().forEach(c -> d.add(new StringField(CHANNEL, c, Field.Store.NO)));
        p.categoryCodes().forEach(c -> d.add(new StringField(CATEGORY, c, Field.Store.NO)));
        if (p.brand() != null) {
            d.add(new StringField(BRAND, p.brand().toLowerCase(Locale.ROOT), Field.Store.NO));
            d.add(new TextField(BRAND_TEXT, p.brand(), Field.Store.NO));
            d.add(new TextField(SPELL, p.brand(), Field.Store.NO));
        }
        for (ProductDocument.Variant v : p.variants()) {
            d.add(new StringField(SKU, v.sku().toLowerCase(Locale.ROOT), Field.Store.NO));
            if (v.gtin() != null) {
                d.add(new StringField(GTIN, v.gtin(), Field.Store.NO));
            }
            v.attributes().forEach((name, value) -> {
                d.add(new StringField(ATTRIBUTE, attribute(name, value), Field.Store.NO));
                d.add(new TextField(ATTRIBUTE_TEXT, value, Field.Store.NO));
            });
        }
        p.texts().forEach((locale, text) -> {
            Language language = languageOf(locale);
            d.add(new TextField(language == null ? OTHER_NAME : name(language), text.name(), Field.Store.NO));
            if (language != null && text.description() != null) {
                d.add(new TextField(description(language), text.description(), Field.Store.NO));
            }
            d.add(new TextField(SPELL, text.name(), Field.Store.NO));
        });
        p.categoryNames().forEach((locale, names) -> {
            Language language = languageOf(locale);
            for (String n : names) {
                d.add(new TextField(language == null ? OTHER_NAME : categoryText(language), n, Field.Store.NO));
                d.add(new TextField(SPELL, n, Field.Store.NO));
            }
        });
        return d;
    }

    static String attribute(String name, String value) {
        return name.toLowerCase(Locale.ROOT) + "=" + value.toLowerCase(Locale.ROOT);
    }

    private static Language languageOf(String locale) {
        String lower = locale.toLowerCase(Locale.ROOT);
        return lower.startsWith("fr") ? Language.FR : lower.startsWith("en") ? Language.EN : null;
    }
}
