package org.comptoir.catalog.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.comptoir.platform.web.ApiProblem.FieldError;

/**
 * The rules a product must satisfy on its own, whichever door it comes in by (API or import); rules
 * that involve other products (a SKU taken) are checked where products are stored.
 */
final class ProductRules {

    static final Pattern HANDLE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_]{0,59}");
    static final int MAX_VARIANTS = 500;

    private ProductRules() {}

    static List<FieldError> check(Product p) {
        List<FieldError> errors = new ArrayList<>();
        if (p.handle() == null || p.handle().length() > 120 || !HANDLE.matcher(p.handle()).matches()) {
            errors.add(new FieldError("handle", "must be lower-case words of letters and digits joined by '-'"));
        }
        if (p.brand() != null && p.brand().length() > 120) {
            errors.add(new FieldError("brand", "must have at most 120 characters"));
        }
        if (p.status() == null) {
            errors.add(new FieldError("status", "is required"));
        }
        if (p.texts() == null || p.texts().isEmpty()) {
            errors.add(new FieldError("texts", "needs a name in at least one locale"));
        } else {
            p.texts().forEach((locale, text) -> {
                if (!LOCALE.matcher(locale).matches()) {
                    errors.add(new FieldError("texts." + locale, "is not a locale such as fr or fr-BE"));
                } else if (text == null || text.name() == null || text.name().isBlank() || text.name().length() > 300) {
                    errors.add(new FieldError("texts." + locale + ".name", "must have 1 to 300 characters"));
                } else if (text.description() != null && text.description().length() > 20_000) {
                    errors.add(new FieldError("texts." + locale + ".description", "must have at most 20000 characters"));
                }
            });
        }
        for (int i = 0; i < p.media().size(); i++) {
            String url = p.media().get(i).url();
            if (!isWebUrl(url)) {
                errors.add(new FieldError("media[" + i + "].url", "must be an absolute http(s) URL"));
            }
        }
        for (String channel : p.channels()) {
            if (channel.isBlank() || channel.length() > 40) {
                errors.add(new FieldError("channels", "must list channel codes of 1 to 40 characters"));
                break;
            }
        }
        checkVariants(p.variants(), errors);
        return errors;
    }

    private static void checkVariants(List<Product.Variant> variants, List<FieldError> errors) {
        if (variants == null || variants.isEmpty()) {
            errors.add(new FieldError("variants", "needs at least one variant"));
            return;
        }
        if (variants.size() > MAX_VARIANTS) {
            errors.add(new FieldError("variants", "must have at most " + MAX_VARIANTS + " variants"));
        }
        Set<String> skus = new HashSet<>();
        Set<String> gtins = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Product.Variant v = variants.get(i);
            String at = "variants[" + i + "]";
            if (v.sku() == null || !SKU.matcher(v.sku()).matches()) {
                errors.add(new FieldError(at + ".sku", "must be 1 to 64 letters, digits, '.', '_', '/' or '-'"));
            } else if (!skus.add(v.sku())) {
                errors.add(new FieldError(at + ".sku", "appears twice in the product"));
            }
            if (v.gtin() != null) {
                String problem = Gtin.problem(v.gtin());
                if (problem != null) {
                    errors.add(new FieldError(at + ".gtin", problem));
                } else if (!gtins.add(v.gtin())) {
                    errors.add(new FieldError(at + ".gtin", "appears twice in the product"));
                }
            }
            if (v.taxClass() == null) {
                errors.add(new FieldError(at + ".taxClass", "is required"));
            }
            if (v.weightGrams() != null && (v.weightGrams() < 0 || v.weightGrams() > 1_000_000)) {
                errors.add(new FieldError(at + ".weightGrams", "must be between 0 and 1000000"));
            }
            v.attributes().forEach((name, value) -> {
                if (!ATTRIBUTE.matcher(name).matches()) {
                    errors.add(new FieldError(at + ".attributes." + name, "is not a lower-case attribute name"));
                } else if (value == null || value.isBlank() || value.length() > 200) {
                    errors.add(new FieldError(at + ".attributes." + name, "must have 1 to 200 characters"));
                }
            });
        }
    }

    private static boolean isWebUrl(String url) {
        if (url == null || url.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }
}
