package org.comptoir.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.comptoir.search.Language;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Marks, in a product's name, the words the query matched, the way it matched them: same word, same
 * stem in either language, one typo away, or begun by the last word typed. The name is escaped for
 * HTML and each matched word wrapped in {@code <em>}.
 */
@Component
class Highlights {

    private final Analysis analysis;

    Highlights(Analysis analysis) {
        this.analysis = analysis;
    }

    String of(String name, List<String> words, boolean prefixLast) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        try (TokenStream stream = analysis.plain().tokenStream("", name)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (matches(term.toString(), words, prefixLast)) {
                    out.append(escape(name.substring(at, offset.startOffset()))).append("<em>")
                            .append(escape(name.substring(offset.startOffset(), offset.endOffset()))).append("</em>");
                    at = offset.endOffset();
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append(escape(name.substring(at))).toString();
    }

    /** Only what HTML needs escaped: "é" stays "é". */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private boolean matches(String token, List<String> words, boolean prefixLast) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (token.equals(w) || sameStem(token, w)) {
                return true;
            }
            if (w.length() >= Queries.FUZZY_FROM && oneEditApart(token, w)) {
                return true;
            }
            if (prefixLast && i == words.size() - 1 && w.length() >= Queries.PREFIX_FROM && token.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean sameStem(String token, String word) {
        for (Language l : Language.values()) {
            List<String> a = analysis.terms(token, l);
            List<String> b = analysis.terms(word, l);
            if (!a.isEmpty() && a.equals(b)) {
                return true;
            }
        }
        return false;
    }

    /** One letter added, dropped, changed, or two neighbours swapped: FuzzyQuery's one edit. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1)) || (i + 1 < a.length()
                    && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2)));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                : b.substring(i + 1).equals(a.substring(i));
    }
}
