package org.comptoir.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.web.ApiProblem.FieldError;
import org.junit.jupiter.api.Test;

class ProductRulesTest {

    private static Product.Variant variant(String sku, String gtin) {
        return new Product.Variant(UUID.randomUUID(), sku, gtin, Map.of("size", "M"), 100, TaxClass.STANDARD);
    }

    private static Product product(String handle, List<Product.Variant> variants) {
        return new Product(UUID.randomUUID(), handle, "Felco", null, ProductStatus.ACTIVE,
                Map.of("fr", new Product.Text("Sécateur", null)), List.of(new Product.Media("https://img.example/a.jpg",
                        null)), Set.of("WEB"), variants, 1);
    }

    @Test
    void aWellFormedProductPasses() {
        assertThat(ProductRules.check(product("secateur", List.of(variant("SEC-1", "4006381333931"))))).isEmpty();
    }

    @Test
    void gtinsOfEveryLengthAreCheckedWithTheirCheckDigit() {
        assertThat(Gtin.problem("96385074")).isNull();          // GTIN-8
        assertThat(Gtin.problem("036000291452")).isNull();      // GTIN-12 (UPC-A)
        assertThat(Gtin.problem("4006381333931")).isNull();     // GTIN-13
        assertThat(Gtin.problem("10614141000415")).isNull();    // GTIN-14
        assertThat(Gtin.problem("4006381333932")).contains("check digit");
        assertThat(Gtin.problem("036000291453")).contains("check digit");
        assertThat(Gtin.problem("12345")).contains("8, 12, 13 or 14");
        assertThat(Gtin.problem("40063813339A1")).contains("digits");
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        Product bad = new Product(UUID.randomUUID(), "Bad Handle", null, null, ProductStatus.ACTIVE, Map.of(),
                List.of(new Product.Media("ftp://x", null)), Set.of(),
                List.of(variant("A B", "123"), variant("SKU-1", null), variant("SKU-1", null)), 1);
        assertThat(ProductRules.check(bad)).extracting(FieldError::field).containsExactlyInAnyOrder("handle", "texts",
                "media[0].url", "variants[0].sku", "variants[0].gtin", "variants[2].sku");
    }

    @Test
    void aProductNeedsAVariant() {
        assertThat(ProductRules.check(product("secateur", List.of()))).extracting(FieldError::field)
                .containsExactly("variants");
    }

    @Test
    void textsFallBackFromLocaleToLanguageToDefault() {
        Product p = new Product(UUID.randomUUID(), "p", null, null, ProductStatus.ACTIVE,
                Map.of("fr", new Product.Text("Sécateur", null), "en", new Product.Text("Shears", null)), List.of(),
                Set.of(), List.of(variant("S", null)), 1);
        assertThat(p.textFor("en-GB", "fr").name()).isEqualTo("Shears");
        assertThat(p.textFor("de", "fr").name()).isEqualTo("Sécateur");
        assertThat(p.textFor(null, "fr").name()).isEqualTo("Sécateur");
        assertThat(p.textFor("it", "es").name()).isIn("Sécateur", "Shears");
    }

    @Test
    void handlesAreMadeFromNames() {
        assertThat(Handles.fromName("Sécateur Pro 20 cm — Felco!")).isEqualTo("secateur-pro-20-cm-felco");
        assertThat(Handles.fromName("***")).isEqualTo("product");
    }
}
