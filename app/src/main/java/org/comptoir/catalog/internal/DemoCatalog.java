package org.comptoir.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.validator.routines.checkdigit.CheckDigitException;
import org.apache.commons.validator.routines.checkdigit.EAN13CheckDigit;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TaxClass;
import org.comptoir.platform.persistence.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue of "Jardin & Co": about two hundred garden products in French and English,
 * among which the garden shears, the poison-ivy soap and the gardening gloves of the seeds' journeys.
 * Loaded on a first start, after the demo network (it publishes on the demo channels).
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final Set<String> CHANNELS = Set.of("WEB", "APP", "STORES", "PHONE", "MARKETPLACE", "INSTAGRAM");

    private record Kind(String category, String fr, String en, String descriptionFr, String descriptionEn,
            int weightGrams, List<String> sizes) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("outils-de-coupe", "Sécateur de jardin", "Garden shears",
                    "Sécateur à lames croisantes pour branches jusqu'à 25 mm.",
                    "Bypass shears for branches up to 25 mm.", 240, List.of()),
            new Kind("outils-de-coupe", "Cisaille à haie", "Hedge shears", "Cisaille à lames ondulées.",
                    "Hedge shears with wavy blades.", 900, List.of()),
            new Kind("outils-de-coupe", "Scie d'élagage", "Pruning saw", "Scie pliante à denture japonaise.",
                    "Folding saw with Japanese teeth.", 300, List.of()),
            new Kind("outils-de-coupe", "Coupe-branches", "Loppers", "Coupe-branches à crémaillère.",
                    "Ratchet loppers.", 1100, List.of()),
            new Kind("outils-a-main", "Transplantoir", "Hand trowel", "Transplantoir en inox.",
                    "Stainless steel hand trowel.", 180, List.of()),
            new Kind("outils-a-main", "Griffe de jardin", "Hand cultivator", "Griffe à trois dents.",
                    "Three-prong hand cultivator.", 200, List.of()),
            new Kind("outils-a-main", "Bêche", "Spade", "Bêche forgée, manche en frêne.",
                    "Forged spade with an ash handle.", 1800, List.of()),
            new Kind("outils-a-main", "Râteau", "Rake", "Râteau à 14 dents.", "Fourteen-tooth rake.", 1200,
                    List.of()),
            new Kind("arrosage", "Arrosoir", "Watering can", "Arrosoir avec pomme amovible.",
                    "Watering can with a removable rose.", 800, List.of("5 L", "10 L")),
            new Kind("arrosage", "Tuyau d'arrosage", "Garden hose", "Tuyau anti-torsion.", "Kink-free hose.",
                    2500, List.of("15 m", "25 m")),
            new Kind("arrosage", "Pistolet d'arrosage", "Spray gun", "Pistolet multi-jets.",
                    "Multi-pattern spray gun.", 250, List.of()),
            new Kind("protection", "Gants de jardinage", "Gardening gloves",
                    "Gants en cuir souple, résistants aux épines.", "Soft leather gloves that resist thorns.", 120,
                    List.of("S", "M", "L")),
            new Kind("protection", "Genouillère de jardin", "Garden kneeler", "Coussin en mousse épaisse.",
                    "Thick foam kneeler.", 300, List.of()),
            new Kind("protection", "Tablier de jardinier", "Gardening apron", "Tablier en toile avec poches.",
                    "Canvas apron with pockets.", 400, List.of()),
            new Kind("entretien", "Savon à l'herbe à puce", "Poison-ivy soap",
                    "Savon qui élimine l'huile irritante de l'herbe à puce.",
                    "Soap that removes the irritating oil of poison ivy.", 110, List.of()),
            new Kind("entretien", "Engrais universel", "All-purpose fertiliser", "Engrais organique granulé.",
                    "Organic granular fertiliser.", 1500, List.of("1.5 kg", "5 kg")),
            new Kind("entretien", "Terreau", "Potting compost", "Terreau pour plantes en pot.",
                    "Compost for potted plants.", 20000, List.of("20 L", "40 L")),
            new Kind("plantes", "Lavande", "Lavender", "Lavande vraie en pot.", "True lavender in a pot.", 900,
                    List.of()),
            new Kind("plantes", "Rosier grimpant", "Climbing rose", "Rosier parfumé remontant.",
                    "Fragrant repeat-flowering rose.", 2000, List.of()),
            new Kind("plantes", "Olivier", "Olive tree", "Olivier en pot, 1 m.", "Potted olive tree, 1 m.", 12000,
                    List.of()),
            new Kind("mobilier", "Chaise de jardin", "Garden chair", "Chaise pliante en acacia.",
                    "Folding acacia chair.", 4500, List.of()),
            new Kind("mobilier", "Table de jardin", "Garden table", "Table en métal laqué.",
                    "Lacquered metal table.", 14000, List.of()),
            new Kind("mobilier", "Jardinière", "Planter", "Jardinière en bois traité.", "Treated wooden planter.",
                    6000, List.of("60 cm", "100 cm")),
            new Kind("outils-de-coupe", "Taille-haie électrique", "Electric hedge trimmer",
                    "Taille-haie 500 W, lame 55 cm.", "500 W hedge trimmer, 55 cm blade.", 3200, List.of()),
            // The shirt of the seeds' exchange journey: bought on the marketplace, exchanged in a store.
            new Kind("protection", "Chemise de jardinier", "Gardener's shirt", "Chemise en coton épais.",
                    "Heavy cotton shirt.", 350, List.of("S", "M", "L", "XL")),
            new Kind("arrosage", "Programmateur d'arrosage", "Water timer", "Programmateur à piles.",
                    "Battery water timer.", 350, List.of()));

    private static final List<String> BRANDS = List.of("Jardin & Co", "Felco", "Fiskars", "Gardena", "Rostaing",
            "Wolf-Garten", "Verdure", "Bellota");

    private final Products products;
    private final ProductRepository repository;
    private final CategoryRepository categories;
    private final Clock clock;

    DemoCatalog(Products products, ProductRepository repository, CategoryRepository categories, Clock clock) {
        this.products = products;
        this.repository = repository;
        this.categories = categories;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!categories.all().isEmpty() || repository.productIdsBySku(List.of("JC-00001")).containsKey("JC-00001")) {
            return;
        }
        createCategories();
        int sku = 0;
        int count = 0;
        for (int b = 0; b < BRANDS.size(); b++) {
            for (int k = 0; k < KINDS.size(); k++) {
                Kind kind = KINDS.get(k);
                String brand = BRANDS.get(b);
                List<Product.Variant> variants = new ArrayList<>();
                for (String size : kind.sizes().isEmpty() ? List.of("") : kind.sizes()) {
                    sku++;
                    Map<String, String> attributes = new LinkedHashMap<>();
                    if (!size.isEmpty()) {
                        attributes.put("size", size);
                    }
                    attributes.put("colour", List.of("vert", "noir", "rouge", "naturel").get((b + k) % 4));
                    variants.add(new Product.Variant(Ids.newId(), "JC-%05d".formatted(sku), gtin(sku), attributes,
                            kind.weightGrams(), kind.category().equals("plantes") ? TaxClass.INTERMEDIATE
                                    : TaxClass.STANDARD));
                }
                String nameFr = kind.fr() + " " + brand;
                String nameEn = brand + " " + kind.en().toLowerCase(java.util.Locale.ROOT);
                Map<String, Product.Text> texts = Map.of("fr", new Product.Text(nameFr, kind.descriptionFr()), "en",
                        new Product.Text(nameEn, kind.descriptionEn()));
                // A few drafts and one archived product, as in a real catalogue.
                ProductStatus status = count % 50 == 49 ? ProductStatus.DRAFT : count == 199 ? ProductStatus.ARCHIVED
                        : ProductStatus.ACTIVE;
                Set<String> channels = new TreeSet<>(CHANNELS);
                if (count % 7 == 3) {
                    channels.remove("MARKETPLACE");
                }
                products.create(new Product(Ids.newId(), Handles.fromName(nameFr), brand, kind.category(), status, texts,
                        List.of(new Product.Media("https://images.jardin-et-co.example/" + Handles.fromName(nameFr)
                                + ".jpg", nameFr)), channels, variants, 1), true);
                count++;
            }
        }
        log.info("Demo catalogue loaded: {} products, {} variants", count, sku);
    }

    private void createCategories() {
        var now = clock.instant();
        var root = new CategoryRepository.Category(Ids.newId(), "jardin", null, "/jardin/",
                Map.of("fr", "Jardin", "en", "Garden"));
        categories.insert(root, null, now);
        Map<String, Map<String, String>> children = new LinkedHashMap<>();
        children.put("outils-de-coupe", Map.of("fr", "Outils de coupe", "en", "Cutting tools"));
        children.put("outils-a-main", Map.of("fr", "Outils à main", "en", "Hand tools"));
        children.put("arrosage", Map.of("fr", "Arrosage", "en", "Watering"));
        children.put("protection", Map.of("fr", "Protection", "en", "Protection"));
        children.put("entretien", Map.of("fr", "Entretien", "en", "Care"));
        children.put("plantes", Map.of("fr", "Plantes", "en", "Plants"));
        children.put("mobilier", Map.of("fr", "Mobilier de jardin", "en", "Garden furniture"));
        children.forEach((code, names) -> categories.insert(new CategoryRepository.Category(Ids.newId(), code,
                "jardin", "/jardin/" + code + "/", names), root.id(), now));
    }

    /** A GTIN-13 in the French 376 range with its check digit. */
    static String gtin(int n) {
        String body = "376" + "%09d".formatted(n);
        try {
            return body + EAN13CheckDigit.EAN13_CHECK_DIGIT.calculate(body);
        } catch (CheckDigitException e) {
            throw new IllegalStateException(e);
        }
    }
}
