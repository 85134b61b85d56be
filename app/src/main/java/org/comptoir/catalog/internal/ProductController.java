package org.comptoir.catalog.internal;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.catalog.ProductStatus;
import org.comptoir.catalog.TextSearch;
import org.springframework.beans.factory.ObjectProvider;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.platform.web.Versions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Products. Storefront keys see only the active products published on their channel; everybody else
 * sees the whole catalogue.
 */
@Tag(name = "Products", description = "Products and variants of the catalogue")
@RestController
@RequestMapping("/api/v1/catalog/products")
class ProductController {

    private static final String ATTRIBUTE_PARAM = "attr.";

    /** A text query narrows the list to at most this many products, those the words mean best. */
    private static final int TEXT_MATCHES = 1_000;

    private final Products products;
    private final CatalogSettings settings;
    private final ObjectProvider<TextSearch> textSearch;

    ProductController(Products products, CatalogSettings settings, ObjectProvider<TextSearch> textSearch) {
        this.products = products;
        this.settings = settings;
        this.textSearch = textSearch;
    }

    @PostMapping
    ResponseEntity<ProductView> create(@RequestBody ProductPayload payload) {
        Product product = products.create(payload.toProduct(Ids.newId(), 1, settings.defaultLocale()),
                payload.handle() != null);
        return ResponseEntity.created(URI.create("/api/v1/catalog/products/" + product.id()))
                .eTag(Versions.etag(product.version())).body(view(product, null));
    }

    @GetMapping
    CursorPage<ProductView> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category, @RequestParam(required = false) ProductStatus status,
            @RequestParam(required = false) String brand, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String locale, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "attribute filters: attr.colour=green&attr.size=M")
            @RequestParam Map<String, String> parameters) {
        PageRequest page = PageRequest.of(limit, cursor);
        Caller caller = Callers.current();
        Map<String, String> attributes = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PARAM)) {
                attributes.put(name.substring(ATTRIBUTE_PARAM.length()), value);
            }
        });
        if (attributes.size() > 10) {
            throw ApiProblem.invalid("attr", "at most 10 attribute filters");
        }
        Optional<java.util.Collection<UUID>> matching = Optional.ofNullable(q).filter(s -> !s.isBlank())
                .map(text -> textSearch.getObject().productIdsMatching(text, TEXT_MATCHES));
        var search = new ProductRepository.Search(matching, Optional.empty(),
                caller.channelCode().isPresent() ? Optional.of(ProductStatus.ACTIVE) : Optional.ofNullable(status),
                Optional.ofNullable(brand), attributes, caller.channelCode().or(() -> Optional.ofNullable(channel)));
        return products.search(search, Optional.ofNullable(category), page).map(p -> view(p, locale));
    }

    @GetMapping("/{id}")
    ResponseEntity<ProductView> get(@PathVariable UUID id, @RequestParam(required = false) String locale) {
        return found(visible(products.find(id)), locale);
    }

    @GetMapping("/by-sku/{sku}")
    ResponseEntity<ProductView> bySku(@PathVariable String sku, @RequestParam(required = false) String locale) {
        return found(visible(products.findBySku(sku)), locale);
    }

    @GetMapping("/by-gtin/{gtin}")
    ResponseEntity<ProductView> byGtin(@PathVariable String gtin, @RequestParam(required = false) String locale) {
        return found(visible(products.findByGtin(gtin)), locale);
    }

    @PutMapping("/{id}")
    ResponseEntity<ProductView> replace(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ProductPayload payload) {
        int expected = Versions.fromIfMatch(ifMatch);
        Product product = products.replace(id, payload.toProduct(id, 0, settings.defaultLocale()), expected);
        return found(product, null);
    }

    /** Archived products are no longer sold but stay readable for orders and returns. */
    @PostMapping("/{id}/archive")
    ResponseEntity<ProductView> archive(@PathVariable UUID id) {
        return found(products.archive(id), null);
    }

    private Product visible(Product product) {
        return products.visibleTo(Callers.current(), product);
    }

    private ResponseEntity<ProductView> found(Product product, String locale) {
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(view(product, locale));
    }

    private ProductView view(Product product, String locale) {
        return ProductView.of(product, locale, settings.defaultLocale());
    }
}
