package org.comptoir.search;

/** The languages the platform reads and answers in. */
public enum Language {
    FR,
    EN;

    /** The language of a locale ({@code fr-BE} is French); anything else reads as {@code fallback}. */
    public static Language of(String locale, Language fallback) {
        if (locale == null) {
            return fallback;
        }
        String lower = locale.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("fr") ? FR : lower.startsWith("en") ? EN : fallback;
    }
}
