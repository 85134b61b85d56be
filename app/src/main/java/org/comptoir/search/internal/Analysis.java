package org.comptoir.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.comptoir.search.Language;
import org.comptoir.search.TextAnalysis;
import org.springframework.stereotype.Component;

/**
 * The index's languages, from Lucene's own filters: French (elisions such as l' and qu', stop words,
 * accents folded, light stemming: "sécateurs" reads "secateur") and English (possessives, stop words,
 * folding, KStem: "gloves" reads "glove"), and the plain reading that only folds (for typos and
 * spelling suggestions, which must see the words as typed).
 */
@Component
public class Analysis implements TextAnalysis {

    /** Articles elided in French, and "d'" of "pot d'arrosage". */
    private static final CharArraySet ELIDED = FrenchAnalyzer.DEFAULT_ARTICLES;
    private static final CharArraySet FRENCH_STOP = stops(FrenchAnalyzer.getDefaultStopSet());
    private static final CharArraySet ENGLISH_STOP = stops(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    /** Words that tell the language of a short message when stop words do not. */
    private static final List<String> FRENCH_TELLS = List.of("bonjour", "merci", "quand", "magasin", "commande",
            "sont", "suis", "est", "ou", "pres", "horaires", "rembourse", "salut", "bonsoir", "svp", "voudrais",
            "besoin", "aujourd", "demain", "colis", "livraison", "retour");
    private static final List<String> ENGLISH_TELLS = List.of("hello", "thanks", "when", "where", "store", "order",
            "please", "hi", "hey", "near", "my", "is", "are", "the", "what", "how", "can", "need", "return", "refund",
            "parcel", "open", "today", "tomorrow", "stock");
    private static final Pattern FRENCH_LETTERS = Pattern.compile("[éèêàùçôîœ]");

    private final Analyzer french = chain(Language.FR, true);
    private final Analyzer english = chain(Language.EN, true);
    private final Analyzer plain = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream s = new ElisionFilter(source, ELIDED);
            s = new EnglishPossessiveFilter(s);
            s = new LowerCaseFilter(s);
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(s));
        }
    };

    Analyzer analyzer(Language language) {
        return language == Language.FR ? french : english;
    }

    /** Folds only: the words as typed, for fuzzy matching, prefixes and spelling. */
    Analyzer plain() {
        return plain;
    }

    /** Stop words folded too, since they are removed after folding ("à" is "a"). */
    private static CharArraySet stops(CharArraySet words) {
        CharArraySet folded = new CharArraySet(words.size() * 2, true);
        for (Object w : words) {
            char[] chars = (char[]) w;
            folded.add(chars);
            folded.add(fold(new String(chars)));
        }
        return CharArraySet.unmodifiableSet(folded);
    }

    static String fold(String word) {
        char[] out = new char[word.length() * 4];
        int n = ASCIIFoldingFilter.foldToASCII(word.toCharArray(), 0, out, 0, word.length());
        return new String(out, 0, n).toLowerCase(Locale.ROOT);
    }

    private static Analyzer chain(Language language, boolean stem) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream s = new ElisionFilter(source, ELIDED);
                if (language == Language.EN) {
                    s = new EnglishPossessiveFilter(s);
                }
                s = new LowerCaseFilter(s);
                s = new ASCIIFoldingFilter(s);
                s = new StopFilter(s, language == Language.FR ? FRENCH_STOP : ENGLISH_STOP);
                if (stem) {
                    s = language == Language.FR ? new FrenchLightStemFilter(s) : new KStemFilter(s);
                }
                return new TokenStreamComponents(source, s);
            }
        };
    }

    boolean isStopWord(String folded) {
        return FRENCH_STOP.contains(folded) || ENGLISH_STOP.contains(folded);
    }

    @Override
    public List<String> terms(String text, Language language) {
        return tokens(analyzer(language), text);
    }

    @Override
    public List<String> words(String text) {
        return tokens(plain, text);
    }

    @Override
    public Language detect(String text) {
        List<String> words = words(text);
        int fr = 0;
        int en = 0;
        for (String w : words) {
            fr += FRENCH_STOP.contains(w) ? 2 : 0;
            en += ENGLISH_STOP.contains(w) ? 2 : 0;
            fr += FRENCH_TELLS.contains(w) ? 3 : 0;
            en += ENGLISH_TELLS.contains(w) ? 3 : 0;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (FRENCH_LETTERS.matcher(lower).find()) {
            fr += 2;
        }
        if (lower.matches("(?s).*\\b[ljdcnmst]'\\p{L}.*") || lower.matches("(?s).*\\bqu'.*")) {
            fr += 2;
        }
        if (lower.matches("(?s).*\\p{L}'s\\b.*") || lower.matches("(?s).*n't\\b.*")) {
            en += 2;
        }
        return en > fr ? Language.EN : Language.FR;
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
