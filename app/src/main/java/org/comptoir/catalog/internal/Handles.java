package org.comptoir.catalog.internal;

import java.text.Normalizer;
import java.util.Locale;

/** URL handles made from names: "Sécateur Pro 20 cm" becomes "secateur-pro-20-cm". */
final class Handles {

    private Handles() {}

    static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            slug = "product";
        }
        return slug.length() > 100 ? slug.substring(0, 100).replaceAll("-+$", "") : slug;
    }
}
