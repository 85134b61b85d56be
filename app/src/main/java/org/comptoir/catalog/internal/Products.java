package org.comptoir.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.comptoir.catalog.ProductArchived;
import org.comptoir.catalog.ProductCreated;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.ProductUpdated;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.ApiProblem.FieldError;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, replaces and archives products, checking what involves other products and modules. */
@Service
class Products {

    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Network network;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Products(ProductRepository products, CategoryRepository categories, Network network,
            ApplicationEventPublisher events, Clock clock) {
        this.products = products;
        this.categories = categories;
        this.network = network;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a product. A handle the caller chose must be free; one made from the name is made
     * unique with a number ({@code beche}, {@code beche-2}…), as shops do.
     */
    @Transactional
    Product create(Product product, boolean handleChosen) {
        if (!handleChosen && product.handle() != null) {
            product = withHandle(product, freeHandle(product.handle()));
        }
        Map<String, UUID> categoryIds = checkAgainstOthers(product, null);
        products.insertAll(List.of(product), categoryIds, clock.instant());
        publishCreated(product);
        return product;
    }

    private String freeHandle(String base) {
        Set<String> taken = products.handlesStartingWith(base);
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static Product withHandle(Product p, String handle) {
        return new Product(p.id(), handle, p.brand(), p.categoryCode(), p.status(), p.texts(), p.media(),
                p.channels(), p.variants(), p.version());
    }

    @Transactional
    Product replace(UUID id, Product draft, int expectedVersion) {
        Product current = find(id);
        if (expectedVersion != Versions.ANY && expectedVersion != current.version()) {
            throw Versions.stale(current.version());
        }
        Product next = current.replacedBy(draft);
        Map<String, UUID> categoryIds = checkAgainstOthers(next, id);
        if (products.replaceAll(List.of(next), categoryIds, clock.instant()).isEmpty()) {
            throw Versions.stale(null);
        }
        publishChanged(current, next);
        return next;
    }

    @Transactional
    Product archive(UUID id) {
        Product current = find(id);
        if (current.status() == ProductStatus.ARCHIVED) {
            return current;
        }
        Product next = current.archived();
        products.replaceAll(List.of(next), categoryIdOf(next), clock.instant());
        publishChanged(current, next);
        return next;
    }

    @Transactional(readOnly = true)
    Product find(UUID id) {
        return products.find(id).orElseThrow(() -> ApiProblem.notFound("product", id));
    }

    @Transactional(readOnly = true)
    Product findBySku(String sku) {
        UUID id = products.productIdsBySku(List.of(sku)).get(sku);
        return Optional.ofNullable(id).flatMap(products::find).orElseThrow(() -> ApiProblem.notFound("SKU", sku));
    }

    @Transactional(readOnly = true)
    Product findByGtin(String gtin) {
        UUID id = products.productIdsByGtin(List.of(gtin)).get(gtin);
        return Optional.ofNullable(id).flatMap(products::find).orElseThrow(() -> ApiProblem.notFound("GTIN", gtin));
    }

    /** Searches the catalogue; a category matches its descendants too. */
    @Transactional(readOnly = true)
    CursorPage<Product> search(ProductRepository.Search search, Optional<String> categoryCode, PageRequest page) {
        var withCategory = categoryCode.map(code -> new ProductRepository.Search(search.matching(),
                Optional.of(categories.find(code)
                        .orElseThrow(() -> ApiProblem.invalid("category", "no category has the code " + code)).path()),
                search.status(), search.brand(), search.attributes(), search.channel())).orElse(search);
        return CursorPage.of(products.search(withCategory, page), page, p -> p.id().toString());
    }

    /** A product a storefront may not see (not active, not on its channel) answers like one that does not exist. */
    Product visibleTo(Caller caller, Product product) {
        if (caller.channelCode().isPresent() && !product.isVisibleOn(caller.channelCode().get())) {
            throw ApiProblem.notFound("product", product.id());
        }
        return product;
    }

    void publishCreated(Product p) {
        events.publishEvent(new ProductCreated(Ids.newId(), clock.instant(), p.id(), p.handle(), p.skus()));
    }

    /** An archive is told as such; any other change, including a return from the archive, is an update. */
    void publishChanged(Product before, Product after) {
        Instant now = clock.instant();
        if (after.status() == ProductStatus.ARCHIVED && before.status() != ProductStatus.ARCHIVED) {
            events.publishEvent(new ProductArchived(Ids.newId(), now, after.id(), after.handle(), after.skus()));
        } else {
            events.publishEvent(new ProductUpdated(Ids.newId(), now, after.id(), after.handle(), after.skus()));
        }
    }

    /** Checks the product's own rules, then those that involve other products, categories and channels. */
    private Map<String, UUID> checkAgainstOthers(Product p, UUID self) {
        List<FieldError> errors = ProductRules.check(p);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Map<String, UUID> categoryIds = categoryIdOf(p);
        if (p.categoryCode() != null && !categoryIds.containsKey(p.categoryCode())) {
            errors.add(new FieldError("category", "no category has the code " + p.categoryCode()));
        }
        List<String> unknownChannels = p.channels().stream().filter(c -> !network.channelExists(c)).sorted().toList();
        if (!unknownChannels.isEmpty()) {
            errors.add(new FieldError("channels", "unknown channel(s) " + unknownChannels));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        UUID handleOwner = products.productIdsByHandle(List.of(p.handle())).get(p.handle());
        if (handleOwner != null && !handleOwner.equals(self)) {
            throw ApiProblem.conflict("handle-taken", "Another product has the handle " + p.handle())
                    .with("handle", p.handle());
        }
        products.productIdsBySku(p.skus()).forEach((sku, owner) -> {
            if (!owner.equals(self)) {
                throw new ApiProblem(HttpStatus.CONFLICT, "sku-taken", "SKU taken",
                        "The SKU " + sku + " belongs to another product").with("sku", sku).with("productId", owner);
            }
        });
        List<String> gtins = p.variants().stream().map(Product.Variant::gtin).filter(Objects::nonNull).toList();
        if (!gtins.isEmpty()) {
            products.productIdsByGtin(gtins).forEach((gtin, owner) -> {
                if (!owner.equals(self)) {
                    throw new ApiProblem(HttpStatus.CONFLICT, "gtin-taken", "GTIN taken",
                            "The GTIN " + gtin + " belongs to another product").with("gtin", gtin);
                }
            });
        }
        return categoryIds;
    }

    private Map<String, UUID> categoryIdOf(Product p) {
        return p.categoryCode() == null ? Map.of() : categories.idsByCode(Set.of(p.categoryCode()));
    }

}
