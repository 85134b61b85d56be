package org.comptoir.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.comptoir.search.Language;
import org.springframework.stereotype.Component;

/**
 * Turns a shopper's words into a Lucene query. Each word may match as its French or English stem in a
 * product's name (worth most), category or description, as a brand or attribute word, with one typo
 * when it has five letters or more, or as the beginning of a word when it is the last one typed.
 * Merchandisers' synonyms add the query with the phrase replaced by each of its equivalents.
 */
@Component
class Queries {

    /** Words shorter than this must be typed right: "pot" is not "pit". */
    static final int FUZZY_FROM = 5;
    static final int PREFIX_FROM = 3;

    /** How many of the words must match: all (a search box) or any (a sentence that says more). */
    enum Match {
        ALL,
        MOST,
        ANY
    }

    private final Analysis analysis;
    private final Merchandising merchandising;

    Queries(Analysis analysis, Merchandising merchandising) {
        this.analysis = analysis;
        this.merchandising = merchandising;
    }

    /** The words that carry meaning: folded, stop words left out unless nothing else is left. */
    List<String> words(String text) {
        List<String> all = analysis.words(text);
        List<String> meaningful = all.stream().filter(w -> !analysis.isStopWord(w)).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }

    /** The exact SKU or GTIN the text is, if it is one. */
    Query code(String text) {
        String code = text.strip();
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CatalogIndex.SKU, code.toLowerCase(Locale.ROOT))), Occur.SHOULD)
                .add(new TermQuery(new Term(CatalogIndex.GTIN, code)), Occur.SHOULD).build();
    }

    /**
     * The text query for these words, with the synonyms of a locale (any locale's when null).
     * {@code prefixLast}: the last word may be unfinished (typed as one searches).
     */
    Query text(List<String> words, String locale, Match match, boolean prefixLast, IndexReader reader)
            throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(words(words, match, prefixLast, reader), Occur.SHOULD);
        for (List<String> alternative : alternatives(words, locale)) {
            any.add(new BoostQuery(words(alternative, match, false, reader), 0.9f), Occur.SHOULD);
        }
        return any.build();
    }

    private Query words(List<String> words, Match match, boolean prefixLast, IndexReader reader) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (int i = 0; i < words.size(); i++) {
            // a word the catalogue has is taken as typed: no typo nor unfinished word to allow for
            boolean known = reader.docFreq(new Term(CatalogIndex.SPELL, words.get(i))) > 0;
            all.add(word(words.get(i), !known, !known && prefixLast && i == words.size() - 1),
                    match == Match.ALL ? Occur.MUST : Occur.SHOULD);
        }
        if (match == Match.MOST && words.size() > 2) {
            all.setMinimumNumberShouldMatch((int) Math.ceil(words.size() * 0.6));
        }
        return all.build();
    }

    /** One word, in every way it may match: with a typo and as a beginning only when asked. */
    Query word(String word, boolean typo, boolean prefix) {
        BooleanQuery.Builder ways = new BooleanQuery.Builder();
        for (Language l : Language.values()) {
            List<String> stems = analysis.terms(word, l);
            if (stems.isEmpty()) {
                continue;
            }
            String stem = stems.getFirst();
            ways.add(boost(new TermQuery(new Term(CatalogIndex.name(l), stem)), 3f), Occur.SHOULD);
            ways.add(boost(new TermQuery(new Term(CatalogIndex.categoryText(l), stem)), 1.5f), Occur.SHOULD);
            ways.add(boost(new TermQuery(new Term(CatalogIndex.description(l), stem)), 0.5f), Occur.SHOULD);
        }
        ways.add(boost(new TermQuery(new Term(CatalogIndex.OTHER_NAME, word)), 2f), Occur.SHOULD);
        ways.add(boost(new TermQuery(new Term(CatalogIndex.BRAND_TEXT, word)), 2f), Occur.SHOULD);
        ways.add(new TermQuery(new Term(CatalogIndex.ATTRIBUTE_TEXT, word)), Occur.SHOULD);
        if (typo && word.length() >= FUZZY_FROM) {
            ways.add(boost(new FuzzyQuery(new Term(CatalogIndex.SPELL, word), 1, 1, 16, true), 1.2f), Occur.SHOULD);
        }
        if (prefix && word.length() >= PREFIX_FROM) {
            ways.add(boost(new PrefixQuery(new Term(CatalogIndex.SPELL, word)), 0.5f), Occur.SHOULD);
        }
        return ways.build();
    }

    private static Query boost(Query q, float by) {
        return new BoostQuery(q, by);
    }

    /** The words with a synonym phrase they contain replaced by each other phrase of its set. */
    List<List<String>> alternatives(List<String> words, String locale) {
        List<List<String>> alternatives = new ArrayList<>();
        String language = locale == null ? null : locale.split("-")[0];
        List<String> keys = words.stream().map(this::key).toList();
        for (Merchandising.SynonymSet set : merchandising.synonyms()) {
            if (language != null && !set.locale().split("-")[0].equals(language)) {
                continue;
            }
            List<List<String>> phrases = set.phrases().stream()
                    .map(p -> p.stream().filter(w -> !analysis.isStopWord(w)).toList())
                    .filter(p -> !p.isEmpty()).toList();
            for (List<String> phrase : phrases) {
                int at = indexOf(keys, phrase.stream().map(this::key).toList());
                if (at < 0) {
                    continue;
                }
                for (List<String> other : phrases) {
                    if (other != phrase && alternatives.size() < 20) {
                        List<String> replaced = new ArrayList<>(words.subList(0, at));
                        replaced.addAll(other);
                        replaced.addAll(words.subList(at + phrase.size(), words.size()));
                        alternatives.add(replaced);
                    }
                }
            }
        }
        return alternatives;
    }

    /** Plurals and inflections compare alike: "taille-haies" holds the phrase "taille-haie". */
    private String key(String word) {
        List<String> stems = analysis.terms(word, Language.FR);
        return stems.isEmpty() ? word : stems.getFirst();
    }

    private static int indexOf(List<String> words, List<String> phrase) {
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            if (words.subList(i, i + phrase.size()).equals(phrase)) {
                return i;
            }
        }
        return -1;
    }
}
