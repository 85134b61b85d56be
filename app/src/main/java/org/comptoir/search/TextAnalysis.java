package org.comptoir.search;

import java.util.List;

/**
 * The search's reading of a text, lent to whoever reads customers' messages (the bot): the language it
 * is written in and its words as the index sees them (elisions removed, lower case, accents folded,
 * stop words dropped, light stemming), so that "sécateurs", "Secateur" and "le sécateur" read alike.
 */
public interface TextAnalysis {

    /** The language of the text, from its stop words, letters and tell-tale words; French when unsure. */
    Language detect(String text);

    /** The text's terms in a language: folded, stop words dropped, stemmed. */
    List<String> terms(String text, Language language);

    /** The text's words folded (lower case, no accent, no elision) but neither stemmed nor filtered. */
    List<String> words(String text);
}
